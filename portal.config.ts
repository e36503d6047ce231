import { loadPortalConfig } from './src/lib/config/portal-config.ts';

/** Tai'an (泰安市) defaults. Another city edits this file and nothing else. */
export default loadPortalConfig({
  city: '泰安市',
  siteName: '泰安市政务诚信公示平台',
  siteUrl: 'https://credit.taian.gov.cn',
  regions: ['市直', '泰山区', '岱岳区', '新泰市', '肥城市', '宁阳县', '东平县', '泰安高新区'],
  owner: '泰安市发展和改革委员会（泰安市社会信用体系建设领导小组办公室）',
  operator: '泰安市公共信用信息中心',
  contact: { phone: '0538-8266019', email: 'xyb@taian.gov.cn', address: '山东省泰安市泰山区东岳大街6号' },
  siteCode: '3709000099',
  icp: '鲁ICP备05001234号',
  psb: '鲁公网安备 37090202000123号',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode=3709000099',
  reportChannel: { label: '12345政务服务便民热线', url: 'https://12345.taian.gov.cn/', phone: '12345' },
  repairChannels: [
    { name: '“信用中国”网站信用修复栏目', detail: '在线提交信用修复申请及相关材料', url: 'https://www.creditchina.gov.cn/' },
    { name: '泰安市公共信用信息中心', detail: '窗口受理：泰山区东岳大街6号市民中心三楼，工作日 9:00–17:00，电话 0538-8266019' },
  ],
  objectionChannels: [
    { name: '泰安市公共信用信息中心异议受理窗口', detail: '工作日 9:00–17:00，电话 0538-8266019，邮箱 xyb@taian.gov.cn' },
    { name: '信息提供单位', detail: '对记录内容有异议的，也可向作出决定或提供信息的单位提出' },
  ],
  openData: {
    license: { name: 'CC-BY-4.0', title: '知识共享署名 4.0 国际许可协议', path: 'https://creativecommons.org/licenses/by/4.0/' },
    terms: [
      '本页数据为本站当日依法公示的信息，可免费下载、复制、分析和再发布，使用时请注明来源“泰安市政务诚信公示平台”及数据截至日期。',
      '已停止公示（信用修复、公示期届满、移出名单、结案等）的信息不在下载文件中；引用时请以本站当日公示内容为准，不得歪曲或拼接使用。',
      '对数据内容有异议的，请按“异议申诉指南”向泰安市公共信用信息中心提出。',
    ],
  },
});
