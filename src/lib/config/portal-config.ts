import { z } from 'zod';

/** What a city's credit office configures: every city-specific word of the portal. */
export const portalConfigSchema = z.object({
  /** 城市名称, e.g. 泰安市 */
  city: z.string().min(1),
  /** 网站名称, shown in the header and every <title> */
  siteName: z.string().min(1),
  /** Public origin the site is served from, for canonical links, sitemap and feeds. */
  siteUrl: z.url(),
  /** 所属区域: the allowed values of subjects.csv 所属区域 and case front matter `region` */
  regions: z.array(z.string().min(1)).min(1),
  /** 主办单位 */
  owner: z.string().min(1),
  /** 承办单位, optional */
  operator: z.string().optional(),
  /** 联系方式 shown in the footer */
  contact: z.object({ phone: z.string(), email: z.string(), address: z.string() }),
  /** 网站标识码 (national government-website id) */
  siteCode: z.string().min(1),
  /** ICP备案号 */
  icp: z.string().min(1),
  /** 公安机关备案号 */
  psb: z.string().min(1),
  /** "我为政府网站找错" link target */
  errorReportUrl: z.string().min(1),
  /** 监督举报: where citizens report a broken commitment */
  reportChannel: z.object({ label: z.string(), url: z.string(), phone: z.string() }),
  /** 信用修复 application channels for /guide/repair/ */
  repairChannels: z.array(z.object({ name: z.string(), detail: z.string(), url: z.string().optional() })).min(1),
  /** 异议申诉 channels for /guide/objection/ */
  objectionChannels: z.array(z.object({ name: z.string(), detail: z.string(), url: z.string().optional() })).min(1),
  /** 开放数据: the licence and terms of use shown on /data/ and written into datapackage.json */
  openData: z.object({
    /** Licence as the Data Package standard names it: an identifier, a title and a link */
    license: z.object({ name: z.string().min(1), title: z.string().min(1), path: z.url().optional() }),
    /** 使用条款, one paragraph each */
    terms: z.array(z.string().min(1)).min(1),
  }),
});

export type PortalConfig = z.infer<typeof portalConfigSchema>;

/** Validates a configuration at start-up; a bad one stops the build with every problem listed. */
export function loadPortalConfig(raw: unknown): PortalConfig {
  const parsed = portalConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  portal.config.ts ${i.path.join('.')}: ${i.message}`);
    throw new Error(`门户配置无效：\n${lines.join('\n')}`);
  }
  return parsed.data;
}
