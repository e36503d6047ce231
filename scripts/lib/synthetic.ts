/**
 * Deterministic generators of fictional rows for every file of the platform export
 * contract (export-format.md, version 1), shared by scripts/generate-sample-export.ts
 * (the bundled sample) and scripts/bench/synthetic-export.ts (large exports).
 *
 * Everything comes from a seeded PRNG, so the same seed gives the same bytes. Agency
 * names follow the real naming patterns of Tai'an's agencies; every record, person,
 * amount and case number is invented. Nothing written here may look like a personal
 * identity number or a mobile number: phones are 0538 landlines, people are named only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { addDays, addMonths, formatChineseDate, yearOf, type CivilDate } from '../../src/lib/dates/civil-date.ts';
import type { Manifest, ManifestFile } from '../../src/lib/export/manifest.ts';
import { creditCodeCheckChar } from '../../src/lib/identifiers/credit-code.ts';
import { penaltyWindow, severityOf, type PenaltyWindow, type Severity } from '../../src/lib/rules/order-36-2025.ts';
import { COMMITMENT_TYPES, COMMITTER_CATEGORIES, commitmentFile, FULFILMENT_STATUSES, madeByPerson, type DISCLOSURE_SCOPES } from '../../src/lib/schemas/commitment.ts';
import { dishonestFile, type SUPERVISION_STATUSES } from '../../src/lib/schemas/dishonest.ts';
import { CLOSING_OUTCOMES, enforcementFile, type ENFORCEMENT_OUTCOMES } from '../../src/lib/schemas/enforcement.ts';
import { honorFile, type HONOR_LEVELS } from '../../src/lib/schemas/honor.ts';
import { penaltyFile, type PENALTY_KINDS, type SPECIAL_DOMAINS } from '../../src/lib/schemas/penalty.ts';
import { subjectFile, type EVALUATION_GRADES, type SUBJECT_CATEGORIES } from '../../src/lib/schemas/subject.ts';

export type Row = Record<string, string>;

/** The last day any generated record may carry (the sample is exported the evening before 2026-11-28). */
export const LAST_DATE: CivilDate = '2026-11-27';
export const FIRST_DATE: CivilDate = '2023-01-03';
/** manifest.json's exported_at: the evening of LAST_DATE. */
export const EXPORTED_AT = '2026-11-27T23:10:00+08:00';

// ---------------------------------------------------------------------------
// PRNG

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  weighted<T>(options: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    weighted(options) {
      const total = options.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of options) {
        r -= w;
        if (r < 0) return value;
      }
      return options[options.length - 1]![0];
    },
  };
}

/** The first rows take every value once, so that small files still show each value. */
export function coverThenWeighted<T>(rng: Rng, index: number, options: readonly (readonly [T, number])[]): T {
  return index < options.length ? options[index]![0] : rng.weighted(options);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function round(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

// ---------------------------------------------------------------------------
// Calendar dates: addDays, addMonths, yearOf and formatChineseDate come from
// src/lib/dates/civil-date.ts; what it lacks (day numbers, working days, random and
// slash-form dates) is here, as arithmetic on UTC day numbers so no time zone leaks in.

const DAY_MS = 86_400_000;

export function dayNumber(date: CivilDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoOf(day: number): CivilDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Skips weekends only; holidays make a late notice later still, never earlier. */
export function addWorkingDays(date: CivilDate, n: number): CivilDate {
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return isoOf(day);
}

export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

export function randomDate(rng: Rng, from: CivilDate, to: CivilDate): CivilDate {
  return isoOf(rng.int(dayNumber(from), dayNumber(to)));
}

/** 2025/3/7 */
export function slashDate(date: CivilDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}/${m}/${d}`;
}

// ---------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015; check character from src/lib/identifiers/credit-code.ts)
// and its embedded organisation code (GB 11714-1997, which src/lib does not need)

/** The credit-code character set, for organisation codes issued after 2015. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export type SubjectKind = 'government' | 'department' | 'township' | 'institution' | 'enterprise' | 'mass';

/** 登记管理部门码 + 机构类别码: 1 机构编制 (11 机关, 12 事业单位, 13 群团), 9 工商 (91 企业). */
const REGISTRATION: Record<SubjectKind, string> = {
  government: '11',
  department: '11',
  township: '11',
  institution: '12',
  mass: '13',
  enterprise: '91',
};

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Old organisation codes of agencies are digits; codes issued after 2015 start MA (companies) or MB (institutions). */
function orgBody(kind: SubjectKind, hash: number): string {
  if (kind === 'enterprise' || kind === 'institution') {
    let body = kind === 'enterprise' ? 'MA' : 'MB';
    for (let h = hash, i = 0; i < 6; i++, h = Math.floor(h / 31)) body += USCC_CHARSET[h % 31];
    return body;
  }
  return `00${pad(hash % 1_000_000, 6)}`;
}

/** Gives every organisation name one stable, unique, valid credit code. */
export class CodeBook {
  private byName = new Map<string, string>();
  private used = new Set<string>();

  codeFor(name: string, kind: SubjectKind, division: string): string {
    const known = this.byName.get(name);
    if (known) return known;
    for (let salt = 0; ; salt++) {
      const body = orgBody(kind, fnv1a(`${name}#${salt}`));
      const first17 = `${REGISTRATION[kind]}${division}${body}${orgCodeCheckChar(body)}`;
      const code = first17 + creditCodeCheckChar(first17);
      if (this.used.has(code)) continue;
      this.used.add(code);
      this.byName.set(name, code);
      return code;
    }
  }
}

// ---------------------------------------------------------------------------
// Regions of Tai'an (the portal's default configuration)

export interface Region {
  /** 所属区域 as configured. */
  name: string;
  /** 行政区划代码, positions 3–8 of a credit code. */
  division: string;
  /** How agency names of this region start. */
  prefix: string;
  /** Short name, e.g. in 泰安市生态环境局岱岳分局. */
  short: string;
  /** Abbreviation in document numbers (文号). */
  abbr: string;
  isCity: boolean;
  government: string;
  /** Party committee and government, as joint grantors of honours. */
  leadership: string;
  court: string;
  /** Court code in case numbers, e.g. 鲁0911. */
  courtCode: string;
  /** Where the region's offices are, for addresses. */
  addressPrefix: string;
  townships: readonly string[];
  roads: readonly string[];
}

const CITY_ROADS = ['东岳大街', '泰山大街', '灵山大街', '长城路', '龙潭路', '迎胜东路', '擂鼓石大街', '青年路', '财源大街', '温泉路', '望岳东路', '泮河大街'];

function county(
  name: string,
  division: string,
  prefix: string,
  short: string,
  abbr: string,
  court: string,
  courtCode: string,
  townships: string[],
  roads: string[],
): Region {
  return {
    name,
    division,
    prefix,
    short,
    abbr,
    isCity: false,
    government: `${prefix}人民政府`,
    leadership: `中共${prefix}委 ${prefix}人民政府`,
    court,
    courtCode,
    addressPrefix: prefix,
    townships,
    roads,
  };
}

export const REGIONS: readonly Region[] = [
  {
    name: '市直',
    division: '370900',
    prefix: '泰安市',
    short: '泰安',
    abbr: '泰',
    isCity: true,
    government: '泰安市人民政府',
    leadership: '中共泰安市委 泰安市人民政府',
    court: '泰安市中级人民法院',
    courtCode: '鲁09',
    addressPrefix: '泰安市泰山区',
    townships: [],
    roads: CITY_ROADS,
  },
  county('泰山区', '370902', '泰安市泰山区', '泰山', '泰山', '泰安市泰山区人民法院', '鲁0902', ['岱庙街道', '财源街道', '泰前街道', '上高街道', '徐家楼街道', '省庄镇', '邱家店镇'], ['东岳大街', '财源大街', '岱宗大街', '红门路', '虎山路', '青年路']),
  county('岱岳区', '370911', '泰安市岱岳区', '岱岳', '泰岱', '泰安市岱岳区人民法院', '鲁0911', ['粥店街道', '天平街道', '满庄镇', '夏张镇', '范镇', '大汶口镇', '房村镇'], ['长城路', '天平湖路', '明堂路', '泮河大街', '粥店大街', '岱岳大街']),
  county('新泰市', '370982', '新泰市', '新泰', '新', '新泰市人民法院', '鲁0982', ['青云街道', '新汶街道', '东都镇', '楼德镇', '羊流镇', '翟镇', '宫里镇'], ['平阳路', '青云路', '府前大街', '新华街', '金斗路', '东周路']),
  county('肥城市', '370983', '肥城市', '肥城', '肥', '肥城市人民法院', '鲁0983', ['新城街道', '老城街道', '王瓜店街道', '石横镇', '安驾庄镇', '汶阳镇', '湖屯镇'], ['龙山路', '长山街', '新城路', '向阳街', '泰西大街', '桃园路']),
  county('宁阳县', '370921', '宁阳县', '宁阳', '宁', '宁阳县人民法院', '鲁0921', ['文庙街道', '八仙桥街道', '磁窑镇', '华丰镇', '伏山镇', '堽城镇', '东庄镇'], ['七贤路', '文化路', '宁阳大街', '复圣路', '金阳路', '八仙桥路']),
  county('东平县', '370923', '东平县', '东平', '东', '东平县人民法院', '鲁0923', ['东平街道', '州城街道', '彭集街道', '沙河站镇', '老湖镇', '银山镇', '戴庙镇'], ['东山路', '佛山街', '西山路', '府前街', '稻屯路', '白佛山路']),
  {
    ...county('泰安高新区', '370971', '泰安高新技术产业开发区', '高新区', '泰高新', '泰安市岱岳区人民法院', '鲁0911', ['北集坡街道', '良庄镇'], ['中天门大街', '凤天路', '南天门大街', '三合路', '科技路', '龙腾路']),
    government: '泰安高新技术产业开发区管理委员会',
    leadership: '中共泰安高新技术产业开发区工作委员会 泰安高新技术产业开发区管理委员会',
    addressPrefix: '泰安市高新区',
  },
];

// ---------------------------------------------------------------------------
// Agency names

interface DepartmentTemplate {
  key: string;
  /** The name in a region, or null where the region has no such department. */
  name: (r: Region) => string | null;
  /** Part of the department's document numbers. */
  docAbbr: string;
  /** Whether the department is one of the region government's own subjects. */
  inPool: boolean;
}

function localDept(key: string, cityName: string, countyName: string | null, docAbbr: string, zoneName?: string): DepartmentTemplate {
  return {
    key,
    docAbbr,
    inPool: true,
    name: (r) => {
      if (r.isCity) return `泰安市${cityName}`;
      if (r.name === '泰安高新区' && zoneName) return zoneName;
      return countyName === null ? null : `${r.prefix}${countyName}`;
    },
  };
}

/** In the order a small region's subject list takes them. */
const DEPARTMENTS: readonly DepartmentTemplate[] = [
  localDept('scjg', '市场监督管理局', '市场监督管理局', '市监罚', '泰安市市场监督管理局高新技术产业开发区分局'),
  localDept('zrzy', '自然资源和规划局', '自然资源局', '自然资罚', '泰安市自然资源和规划局高新技术产业开发区分局'),
  localDept('fgw', '发展和改革委员会', '发展和改革局', '发改罚'),
  localDept('gzw', '人民政府国有资产监督管理委员会', null, '国资罚'),
  localDept('yjgl', '应急管理局', '应急管理局', '应急罚'),
  localDept('wjw', '卫生健康委员会', '卫生健康局', '卫医罚'),
  localDept('jyj', '教育局', '教育和体育局', '教罚'),
  localDept('zjj', '住房和城乡建设局', '住房和城乡建设局', '住建罚'),
  localDept('czj', '财政局', '财政局', '财罚'),
  localDept('spj', '行政审批服务局', '行政审批服务局', '审批罚'),
  localDept('jtys', '交通运输局', '交通运输局', '交运罚'),
  localDept('rsj', '人力资源和社会保障局', '人力资源和社会保障局', '人社罚'),
  localDept('cgj', '城市管理局', '综合行政执法局', '综执罚'),
  localDept('slj', '水利局', '水利局', '水罚'),
  localDept('nync', '农业农村局', '农业农村局', '农罚'),
  localDept('swj', '商务局', '商务局', '商罚'),
  localDept('mzj', '民政局', '民政局', '民罚'),
  localDept('sfj', '司法局', '司法局', '司罚'),
  localDept('wlj', '文化和旅游局', '文化和旅游局', '文旅罚'),
  localDept('tjj', '统计局', '统计局', '统罚决字'),
  localDept('ybj', '医疗保障局', '医疗保障局', '医保罚'),
  localDept('tyjr', '退役军人事务局', '退役军人事务局', '退役罚'),
  {
    key: 'sthj',
    docAbbr: '环罚',
    inPool: false,
    name: (r) => (r.isCity ? '泰安市生态环境局' : `泰安市生态环境局${r.short}分局`),
  },
  {
    key: 'xf',
    docAbbr: '消行罚决字',
    inPool: false,
    name: (r) => (r.isCity ? '泰安市消防救援支队' : `${r.prefix}消防救援大队`),
  },
];

function departmentTemplate(key: string): DepartmentTemplate {
  const found = DEPARTMENTS.find((d) => d.key === key);
  if (!found) throw new Error(`unknown department ${key}`);
  return found;
}

export function departmentName(region: Region, key: string): string {
  return departmentTemplate(key).name(region) ?? region.government;
}

interface NameSpec {
  name: string;
  kind: SubjectKind;
  deptKey?: string;
  /** Department that supervises it; the region government when absent or not generated. */
  parentKey?: string;
}

const CITY_INSTITUTIONS: readonly [string, string | undefined][] = [
  ['中心医院', 'wjw'],
  ['疾病预防控制中心', 'wjw'],
  ['第一中学', 'jyj'],
  ['公共资源交易中心', undefined],
  ['不动产登记中心', 'zrzy'],
  ['中医医院', 'wjw'],
  ['政务服务中心', 'spj'],
  ['妇幼保健院', 'wjw'],
  ['实验学校', 'jyj'],
  ['社会福利院', 'mzj'],
  ['产品质量检验检测中心', 'scjg'],
  ['融媒体中心', undefined],
];

const COUNTY_INSTITUTIONS: readonly [string, string | undefined][] = [
  ['人民医院', 'wjw'],
  ['疾病预防控制中心', 'wjw'],
  ['第一中学', 'jyj'],
  ['中医医院', 'wjw'],
  ['公共资源交易中心', undefined],
  ['不动产登记中心', 'zrzy'],
  ['实验小学', 'jyj'],
  ['政务服务中心', 'spj'],
  ['妇幼保健院', 'wjw'],
  ['职业中等专业学校', 'jyj'],
  ['农业技术推广中心', 'nync'],
  ['融媒体中心', undefined],
];

const CITY_ENTERPRISES = ['泰山城建集团有限公司', '岱宗水务集团有限公司', '汶水交通发展集团有限公司', '泰山文旅康养集团有限公司', '东岳公共交通有限公司', '泰山热力有限公司'];
const COUNTY_ENTERPRISES = ['城市建设投资集团有限公司', '水务集团有限公司', '国有资本投资运营有限公司', '文化旅游发展有限公司', '公共交通有限公司', '农业发展集团有限公司'];
const ENTERPRISE_WORDS = ['汶河', '岱麓', '泰岳', '天烛', '徂徕', '莲花山', '凤凰', '青云', '龙山', '汶阳', '大汶', '东岳'];
const ENTERPRISE_TRADES = ['建设发展', '产业投资', '农业开发', '物业管理', '供水', '供热', '建材', '旅游开发', '城市服务', '物流', '新能源', '康养'];
const MASS_ORGANISATIONS = ['总工会', '共青团', '妇女联合会', '工商业联合会', '科学技术协会', '残疾人联合会', '红十字会'];
const CN_DIGITS = '零一二三四五六七八九';

/** Chinese numeral for 1–9999, as in 第十二中学. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      if (!out.endsWith('零') && digits.slice(i).some((x) => x > 0)) out += '零';
    } else out += CN_DIGITS[d]! + unit;
  });
  return out;
}

function departmentSpecs(r: Region): NameSpec[] {
  return DEPARTMENTS.filter((d) => d.inPool)
    .map((d) => ({ d, name: d.name(r) }))
    .filter((x): x is { d: DepartmentTemplate; name: string } => x.name !== null)
    .map(({ d, name }) => ({ name, kind: 'department', deptKey: d.key }));
}

function townshipSpecs(r: Region): NameSpec[] {
  return r.townships.map((t) => ({ name: `${r.prefix}${t}${t.endsWith('街道') ? '办事处' : '人民政府'}`, kind: 'township' }));
}

function massSpecs(r: Region): NameSpec[] {
  return MASS_ORGANISATIONS.map((m) => ({ name: m === '共青团' ? `共青团${r.prefix}委员会` : `${r.prefix}${m}`, kind: 'mass' }));
}

/**
 * Institutions never run out: the hospital first, the other named ones in an order that
 * differs by region, then township schools and clinics, then numbered schools.
 */
function institutionSpec(r: Region, n: number): NameSpec {
  const fixed = r.isCity ? CITY_INSTITUTIONS : COUNTY_INSTITUTIONS;
  if (n < fixed.length) {
    const rotated = n === 0 ? 0 : 1 + ((n - 1 + REGIONS.indexOf(r) * 2) % (fixed.length - 1));
    const [name, parentKey] = fixed[rotated]!;
    return { name: `${r.prefix}${name}`, kind: 'institution', ...(parentKey ? { parentKey } : {}) };
  }
  const m = n - fixed.length;
  const town = r.townships[Math.floor(m / 2)];
  if (town) {
    const health = town.endsWith('街道') ? '社区卫生服务中心' : '卫生院';
    return m % 2 === 0 ? { name: `${r.prefix}${town}中心小学`, kind: 'institution', parentKey: 'jyj' } : { name: `${r.prefix}${town}${health}`, kind: 'institution', parentKey: 'wjw' };
  }
  const k = m - r.townships.length * 2;
  const school = k % 2 === 0 ? '中学' : '小学';
  return { name: `${r.prefix}第${chineseNumber(Math.floor(k / 2) + 2)}${school}`, kind: 'institution', parentKey: 'jyj' };
}

function enterpriseSpec(r: Region, n: number): NameSpec {
  const fixed = r.isCity ? CITY_ENTERPRISES : COUNTY_ENTERPRISES;
  if (n < fixed.length) return { name: `${r.prefix}${fixed[n]}`, kind: 'enterprise' };
  const m = n - fixed.length;
  const combos = ENTERPRISE_WORDS.length * ENTERPRISE_TRADES.length;
  const word = ENTERPRISE_WORDS[m % ENTERPRISE_WORDS.length]!;
  const trade = ENTERPRISE_TRADES[Math.floor(m / ENTERPRISE_WORDS.length) % ENTERPRISE_TRADES.length]!;
  const branch = m >= combos ? `第${chineseNumber(Math.floor(m / combos) + 1)}分公司` : '';
  return { name: `${r.prefix}${word}${trade}有限公司${branch}`, kind: 'enterprise' };
}

// ---------------------------------------------------------------------------
// Subjects (主体名录)

export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];
type Grade = (typeof EVALUATION_GRADES)[number];

const CATEGORY: Record<SubjectKind, SubjectCategory> = {
  government: '政府机构',
  department: '政府机构',
  township: '政府机构',
  institution: '事业单位',
  enterprise: '国有企业',
  mass: '群团组织',
};

export interface Subject {
  code: string;
  name: string;
  kind: SubjectKind;
  category: SubjectCategory;
  region: Region;
  deptKey?: string;
  parentCode?: string;
  address: string;
  phone: string;
  grade?: Grade;
  gradeDate?: CivilDate;
}

type KindCounts = Record<Exclude<SubjectKind, 'government'>, number>;

const KIND_SHARES: readonly [keyof KindCounts, number][] = [
  ['department', 0.35],
  ['township', 0.2],
  ['institution', 0.25],
  ['enterprise', 0.12],
  ['mass', 0.08],
];

/** One government, at least one of every other kind, the rest by share (largest remainder). */
function allocateKinds(total: number, r: Region): KindCounts {
  const limits: Partial<KindCounts> = { department: departmentSpecs(r).length, township: r.townships.length, mass: MASS_ORGANISATIONS.length };
  const shares = KIND_SHARES.filter(([k]) => limits[k] !== 0);
  const counts: KindCounts = { department: 0, township: 0, institution: 0, enterprise: 0, mass: 0 };
  for (const [k] of shares) counts[k] = 1;
  const rest = total - 1 - shares.length;
  const weightSum = shares.reduce((s, [, w]) => s + w, 0);
  const exact = shares.map(([k, w]) => [k, (rest * w) / weightSum] as const);
  for (const [k, x] of exact) counts[k] += Math.floor(x);
  let left = total - 1 - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [k] of [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1))) {
    if (left-- <= 0) break;
    counts[k] += 1;
  }
  let overflow = 0;
  for (const [k, limit] of Object.entries(limits) as [keyof KindCounts, number][]) {
    overflow += Math.max(0, counts[k] - limit);
    counts[k] = Math.min(counts[k], limit);
  }
  counts.institution += Math.ceil(overflow / 2);
  counts.enterprise += Math.floor(overflow / 2);
  return counts;
}

function regionSpecs(r: Region, total: number): NameSpec[] {
  const counts = allocateKinds(total, r);
  const specs: NameSpec[] = [{ name: r.government, kind: 'government' }];
  specs.push(...departmentSpecs(r).slice(0, counts.department));
  specs.push(...townshipSpecs(r).slice(0, counts.township));
  for (let i = 0; i < counts.institution; i++) specs.push(institutionSpec(r, i));
  for (let i = 0; i < counts.enterprise; i++) specs.push(enterpriseSpec(r, i));
  specs.push(...massSpecs(r).slice(0, counts.mass));
  return specs;
}

const GRADE_DATES = ['2025-03-31', '2025-12-30', '2026-06-30', '2026-09-30'];

function address(rng: Rng, s: NameSpec, r: Region): string {
  const base = r.isCity ? rng.pick(['泰安市泰山区', '泰安市岱岳区']) : r.addressPrefix;
  const town = s.kind === 'township' ? s.name.slice(r.prefix.length).replace(/(办事处|人民政府)$/, '') : '';
  return `${base}${town}${rng.pick(r.roads)}${rng.int(1, 399)}号`;
}

export function landline(rng: Rng): string {
  return `0538-${rng.pick(['2', '5', '6', '7', '8'])}${pad(rng.int(0, 999_999), 6)}`;
}

/**
 * Subjects of every region, parents first within a region. `perRegion` says how many
 * subjects each region gets; every region has a government and every subject kind.
 */
export function generateSubjects(rng: Rng, codes: CodeBook, perRegion: (r: Region) => number): Subject[] {
  const subjects: Subject[] = [];
  let cityGovernment: string | undefined;
  let index = 0;
  for (const r of REGIONS) {
    const specs = regionSpecs(r, perRegion(r));
    const byDept = new Map<string, string>();
    let government = '';
    for (const spec of specs) {
      const code = codes.codeFor(spec.name, spec.kind, r.division);
      const parentCode = parentOf(spec, government, cityGovernment, byDept, r);
      if (spec.kind === 'government') {
        government = code;
        if (r.isCity) cityGovernment = code;
      }
      if (spec.deptKey) byDept.set(spec.deptKey, code);
      subjects.push({
        code,
        name: spec.name,
        kind: spec.kind,
        category: CATEGORY[spec.kind],
        region: r,
        ...(spec.deptKey ? { deptKey: spec.deptKey } : {}),
        ...(parentCode ? { parentCode } : {}),
        address: address(rng, spec, r),
        phone: landline(rng),
        ...grade(rng, index++),
      });
    }
  }
  return subjects;
}

function parentOf(spec: NameSpec, government: string, cityGovernment: string | undefined, byDept: Map<string, string>, r: Region): string | undefined {
  switch (spec.kind) {
    case 'government':
      return r.isCity ? undefined : cityGovernment;
    case 'mass':
      return undefined;
    case 'enterprise':
      return byDept.get(r.isCity ? 'gzw' : 'czj') ?? government;
    case 'institution':
      return (spec.parentKey && byDept.get(spec.parentKey)) || government;
    default:
      return government;
  }
}

function grade(rng: Rng, index: number): Pick<Subject, 'grade' | 'gradeDate'> {
  const value = coverThenWeighted<Grade | ''>(rng, index, [
    ['A', 45],
    ['B', 30],
    ['C', 10],
    ['D', 4],
    ['', 25],
  ]);
  return value ? { grade: value, gradeDate: rng.pick(GRADE_DATES) } : {};
}

// ---------------------------------------------------------------------------
// Columns of each contract file, in the contract's order (from the schema definitions)

export const COLUMNS = {
  'subjects.csv': subjectFile.headers,
  'commitments.csv': commitmentFile.headers,
  'penalties.csv': penaltyFile.headers,
  'enforcement.csv': enforcementFile.headers,
  'dishonest.csv': dishonestFile.headers,
  'honors.csv': honorFile.headers,
} as const satisfies Record<string, readonly string[]>;

export type ContractFileName = keyof typeof COLUMNS;

export function subjectRow(s: Subject): Row {
  return {
    统一社会信用代码: s.code,
    主体名称: s.name,
    主体类别: s.category,
    所属区域: s.region.name,
    上级主管部门: s.parentCode ?? '',
    办公地址: s.address,
    联系电话: s.phone,
    信用评价等级: s.grade ?? '',
    评价日期: s.gradeDate ?? '',
  };
}

// ---------------------------------------------------------------------------
// Shared context of the record generators

/** `sample`: every value and edge case shows; `bench`: large and mostly published at 2026-11-28. */
export type Profile = 'sample' | 'bench';

export interface GeneratorContext {
  rng: Rng;
  codes: CodeBook;
  subjects: readonly Subject[];
  profile: Profile;
  /** Width of the serial number in record ids. */
  idWidth: number;
  byCode: ReadonlyMap<string, Subject>;
  /** Subjects of the given kinds (cached: the generators ask once per row). */
  byKinds: (kinds: readonly SubjectKind[]) => readonly Subject[];
}

export function createContext(rng: Rng, codes: CodeBook, subjects: readonly Subject[], profile: Profile, idWidth: number): GeneratorContext {
  const cache = new Map<string, readonly Subject[]>();
  return {
    rng,
    codes,
    subjects,
    profile,
    idWidth,
    byCode: new Map(subjects.map((s) => [s.code, s])),
    byKinds(kinds) {
      const key = kinds.join(',');
      let list = cache.get(key);
      if (!list) {
        list = subjects.filter((s) => kinds.includes(s.kind));
        if (list.length === 0) throw new Error(`no subjects of kinds ${key}`);
        cache.set(key, list);
      }
      return list;
    },
  };
}

function recordId(prefix: string, date: CivilDate, serial: number, width: number, dashed: boolean): string {
  return dashed ? `${prefix}-${yearOf(date)}-${pad(serial, width)}` : `${prefix}${yearOf(date)}${pad(serial, width)}`;
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN_CHARS = [...'建志海晓立新文明国庆永春秀丽红伟敏静玉兰德振华宏涛勇军平俊峰刚云强杰磊鹏辉洪林凤霞梅颖慧婷雪琳昊宇轩泽浩然欣怡子涵若溪嘉诚博远思源承安书瑶景行'];

/** A fictional full name of two or three characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** Alternative date formats the contract accepts, used now and then by the sample only. */
function looseDate(ctx: GeneratorContext, date: CivilDate, index: number, every: number, format: (d: CivilDate) => string): string {
  return ctx.profile === 'sample' && date && index % every === every - 1 ? format(date) : date;
}

// ---------------------------------------------------------------------------
// Commitments (信用承诺)

type CommitmentType = (typeof COMMITMENT_TYPES)[number];
type CommitterCategory = (typeof COMMITTER_CATEGORIES)[number];
type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];
type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];

const CLAUSES: Record<CommitmentType, readonly string[]> = {
  履职尽责: [
    '严格履行法定职责，对职责范围内的事项不推诿、不拖延、不敷衍，按时办结率达到100%。',
    '落实首问负责、一次性告知和限时办结制度，群众和企业诉求在规定时限内予以答复。',
    '对上级部署的重点任务建立台账，明确责任科室和完成时限，按月调度、按季通报。',
    '12345政务服务便民热线转办事项在3个工作日内联系诉求人，15个工作日内办结反馈。',
    '严格落实安全生产“三管三必须”要求，每季度至少开展一次隐患排查，发现问题立即整改。',
    '按规定及时、准确、完整报送统计数据，不虚报、瞒报、拒报、迟报，不伪造、篡改统计资料。',
  ],
  优化服务: [
    '全面推行“一窗受理、一次办好”，企业开办全流程压缩至1个工作日以内。',
    '严格执行涉企收费目录清单制度，清单之外一律不收费，不变相增加企业负担。',
    '在政府采购和招标投标活动中，不设置不合理条件排斥、限制经营者参与竞争。',
    '不拖欠中小企业账款，与企业签订的合同按约定及时足额支付，无分歧欠款应付尽付。',
    '推行涉企检查“进一次门、查多项事”，无投诉举报和风险线索的，不主动入企检查。',
    '落实政务服务“好差评”制度，差评事项在1个工作日内回访核实、5个工作日内整改到位。',
    '对企业合理诉求实行“接诉即办”，确需协调的事项由主要负责人牵头督办。',
  ],
  廉洁自律: [
    '严格遵守中央八项规定及其实施细则精神，不收受管理服务对象的礼品、礼金、消费卡。',
    '不利用职权和职务影响为本人、亲属或特定关系人谋取利益，不违规插手工程项目和政府采购。',
    '不参加可能影响公正执行公务的宴请和娱乐活动，不违规经商办企业。',
    '如实报告个人有关事项，主动接受组织和群众监督。',
    '坚持依规用权、秉公办事，不吃拿卡要，不刁难群众和企业。',
  ],
  依法行政: [
    '严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。',
    '行政许可、行政处罚信息自作出决定之日起7个工作日内上网公示。',
    '严格执行行政裁量权基准，做到同案同罚、过罚相当，不搞“一刀切”执法。',
    '依法履行人民法院生效判决、裁定，不拒不执行、不拖延执行。',
    '依法履行与企业、群众签订的各类合同和协议，不以换届、负责人更替等理由违约毁约。',
    '对轻微违法行为依法推行包容审慎监管，首次违法且危害后果轻微并及时改正的，依法不予处罚。',
  ],
  主动型: [
    '主动向社会公开服务事项、办事流程、收费标准和办理时限，接受社会监督。',
    '主动公开单位诚信承诺和履诺情况，每半年在门户网站更新一次。',
    '设立监督电话和意见箱，对群众反映的问题做到件件有回音。',
    '主动配合社会信用体系建设主管部门开展政务诚信评价，如实提供相关材料。',
  ],
  信用修复型: [
    '已按行政处罚决定书要求全额缴纳罚款，违法行为已整改到位，不良影响已消除。',
    '已对照问题清单逐项整改，建立健全相关管理制度，组织全体人员开展专题培训。',
    '信用修复后将严格遵守相关法律法规，杜绝同类违法行为再次发生。',
    '所提交的信用修复申请材料真实、准确、完整，如有虚假，愿意承担相应法律责任。',
  ],
  行业自律型: [
    '遵守行业规范和职业道德，不串通投标，不以低于成本的报价竞标。',
    '依法诚信经营，按时足额支付农民工工资，不发生恶意拖欠行为。',
    '严格执行工程质量安全标准，不偷工减料，不使用不合格建筑材料。',
    '自觉接受行业主管部门和社会公众监督，如实报送经营和安全生产信息。',
  ],
  其他: [
    '积极配合开展政务诚信监测评价，按要求报送承诺履行情况。',
    '重大项目建设严格按照合同约定的工期、质量和资金拨付节点推进。',
    '涉及群众切身利益的重大决策，依法履行公众参与、专家论证、风险评估程序。',
    '对信用信息异议申请在规定时限内核查处理并书面答复申请人。',
  ],
};

const PREAMBLES_ORG = [
  (s: Subject) => `为深入贯彻落实国务院关于加强政务诚信建设的部署要求，推进政务失信治理，${s.name}向社会郑重承诺：`,
  () => '根据《泰安市深化政务失信治理工作方案》要求，为树立诚实守信的良好形象，本单位作出如下承诺：',
  () => '为持续优化营商环境、提升公信力，本单位就以下事项向社会公开承诺，自觉接受社会各界监督：',
];

const PREAMBLES_PERSON = [
  (s: Subject, title: string) => `本人作为${s.name}${title}，自觉践行诚实守信要求，郑重承诺：`,
  () => '为带头树立诚信守法的良好形象，本人向组织和社会公开承诺：',
];

const ENDINGS = [
  '以上承诺自签署之日起生效。本单位自愿接受社会各界监督，如有违反，愿意承担相应责任，并同意将违诺情况记入政务诚信档案。',
  '本承诺书公开后即接受社会监督，履行情况将按季度向承诺受理单位报告。',
  '如有违反上述承诺，自愿接受相关部门依法依规作出的处理，并在本单位门户网站公开说明情况。',
];

const TITLES_EXECUTIVE = ['董事长', '总经理', '副总经理', '党委书记、董事长', '财务总监', '总工程师'];

/** A civil servant's post, as the agency's type of name calls it. */
function civilTitle(rng: Rng, s: Subject): string {
  if (s.name.endsWith('办事处')) return rng.pick(['主任', '副主任', '党工委委员', '四级主任科员']);
  if (s.name.endsWith('人民政府')) return rng.pick(['镇长', '副镇长', '党委副书记', '四级主任科员']);
  if (s.name.endsWith('委员会')) return rng.pick(['主任', '副主任', '党组成员、副主任', '一级主任科员', '科长']);
  return rng.pick(['局长', '副局长', '党组成员、副局长', '一级主任科员', '二级调研员', '科长']);
}
const BREACH_LIABILITY = [
  '违反承诺的，自愿接受约谈、通报批评等处理，违诺情况记入政务诚信档案并向社会公开。',
  '如违反承诺，同意取消当年度评先评优资格，并按规定在政务诚信评价中扣分。',
  '违诺信息纳入公共信用信息平台，依法依规接受失信约束。',
];

/** How an unkept clause was found unkept, appended to the clause itself. */
const SHORTFALLS = ['认定时仍有2件事项未落实到位。', '第三季度抽查发现3起未按承诺办理的情形。', '经核查，该项承诺未按期落实。', '群众监督举报核实有1起违反该项承诺的情形。'];

const ACCOUNTABILITY = [
  '已约谈单位主要负责人，责令限期整改，违诺情况记入政务诚信档案。',
  '已在全市通报批评，取消年度评先评优资格。',
  '已责令作出书面说明并公开致歉，相关责任人员由纪检监察机关依规处理。',
];

const COMMITMENT_REMARKS = ['已在单位门户网站同步公开', '按"双随机、一公开"要求接受抽查', '纸质承诺书存档于承诺受理单位', '年度政务诚信承诺'];

const REASONS: Record<CommitmentType, readonly string[]> = {
  履职尽责: ['落实政务诚信建设要求作出履职尽责承诺', '年度政务诚信履职承诺'],
  优化服务: ['优化营商环境服务承诺', '政务服务“好差评”整改承诺'],
  廉洁自律: ['领导干部廉洁自律承诺', '年度廉洁从政承诺'],
  依法行政: ['落实行政执法“三项制度”承诺', '依法履行生效裁判和合同承诺'],
  主动型: ['主动向社会公开服务承诺', '主动公开办事时限承诺'],
  信用修复型: ['申请行政处罚信息信用修复作出承诺', '失信行为整改后申请信用修复作出承诺'],
  行业自律型: ['工程建设领域诚信经营承诺', '行业协会自律公约承诺'],
  其他: ['配合政务诚信监测评价承诺', '重大项目建设履约承诺'],
};

export interface CommitmentOptions {
  /** Length range of 承诺内容 in characters. */
  contentLength: readonly [number, number];
  /** Attachment path (relative to attachments/) for this row, if it has one. */
  attachment?: (index: number, id: string) => string | undefined;
}

/** Clause types that suit each kind of committer, after the letter's own type. */
const RELATED_TYPES: Record<CommitterCategory, readonly CommitmentType[]> = {
  政府机构: ['履职尽责', '依法行政', '优化服务', '主动型', '其他'],
  事业单位: ['履职尽责', '优化服务', '主动型', '依法行政', '其他'],
  国有企业: ['行业自律型', '优化服务', '依法行政', '主动型', '其他'],
  公务员: ['廉洁自律', '履职尽责'],
  国企高管: ['廉洁自律', '行业自律型'],
};

/** Clauses of the letter's own type first, then of related types, until the letter is long enough. */
function commitmentContent(rng: Rng, type: CommitmentType, category: CommitterCategory, preamble: string, length: readonly [number, number]): { text: string; clauses: string[] } {
  const target = rng.int(length[0], length[1]);
  const pool = [...new Set([type, ...RELATED_TYPES[category]])].flatMap((t) => CLAUSES[t]);
  const ending = rng.pick(ENDINGS);
  const clauses: string[] = [];
  let size = preamble.length + ending.length;
  for (let i = 0; i < pool.length && (i < 3 || size < target); i++) {
    clauses.push(pool[i]!);
    size += pool[i]!.length + 4;
  }
  const numbered = clauses.map((c, i) => `${chineseNumber(i + 1)}、${c}`);
  return { text: [preamble, ...numbered, ending].join('\n'), clauses };
}

function acceptingUnit(ctx: GeneratorContext, s: Subject): string {
  const parent = s.parentCode ? ctx.byCode.get(s.parentCode) : undefined;
  return parent && ctx.rng.chance(0.4) ? parent.name : departmentName(s.region, 'fgw');
}

function committerCategory(rng: Rng, s: Subject, index: number): CommitterCategory {
  if (index < COMMITTER_CATEGORIES.length) return COMMITTER_CATEGORIES[index]!;
  if (s.kind === 'enterprise') return rng.chance(0.3) ? '国企高管' : '国有企业';
  if (s.kind === 'institution') return '事业单位';
  return rng.chance(0.3) ? '公务员' : '政府机构';
}

const KINDS_FOR: Record<CommitterCategory, readonly SubjectKind[]> = {
  政府机构: ['government', 'department', 'township'],
  公务员: ['department', 'township'],
  事业单位: ['institution'],
  国有企业: ['enterprise'],
  国企高管: ['enterprise'],
};

function commitmentType(rng: Rng, index: number, person: boolean): CommitmentType {
  if (index < COMMITMENT_TYPES.length) return COMMITMENT_TYPES[index]!;
  if (person)
    return rng.weighted<CommitmentType>([
      ['廉洁自律', 5],
      ['履职尽责', 4],
      ['依法行政', 1],
    ]);
  return rng.weighted<CommitmentType>([
    ['履职尽责', 25],
    ['优化服务', 22],
    ['依法行政', 20],
    ['主动型', 10],
    ['廉洁自律', 6],
    ['信用修复型', 6],
    ['行业自律型', 5],
    ['其他', 6],
  ]);
}

function fulfilment(ctx: GeneratorContext, index: number, made: CivilDate, validUntil: CivilDate): FulfilmentStatus {
  const expired = validUntil !== '' && validUntil < '2026-11-28';
  if (index < FULFILMENT_STATUSES.length) return FULFILMENT_STATUSES[index]!;
  if (dayNumber(LAST_DATE) - dayNumber(made) < 60) return '履行中';
  return ctx.rng.weighted<FulfilmentStatus>([
    ['履行中', expired ? 3 : 45],
    ['全部履行', expired ? 80 : 40],
    ['部分履行', ctx.profile === 'sample' ? 10 : 4],
    ['全部未履行', ctx.profile === 'sample' ? 5 : 1],
  ]);
}

function publicity(ctx: GeneratorContext, index: number): DisclosureScope {
  if (ctx.profile === 'bench')
    return ctx.rng.weighted<DisclosureScope>([
      ['可向社会公开', 96],
      ['特定范围内公开', 3],
      ['不可公开', 1],
    ]);
  return coverThenWeighted<DisclosureScope>(ctx.rng, index, [
    ['可向社会公开', 88],
    ['特定范围内公开', 8],
    ['不可公开', 4],
  ]);
}

function unkept(rng: Rng, clauses: readonly string[]): string {
  // Statements of what has already been done (信用修复型) cannot be the unkept part.
  const candidates = clauses.map((c, k) => [c, k] as const).filter(([c]) => !CLAUSES.信用修复型.includes(c));
  const [clause, k] = candidates.length ? rng.pick(candidates) : [clauses[0]!, 0];
  return `第${chineseNumber(k + 1)}项承诺“${clause.replace(/。$/, '')}”未履行到位，${rng.pick(SHORTFALLS)}`;
}

/** A month or more after the commitment, by its end date when it has one, never after LAST_DATE. */
function settlementDate(rng: Rng, made: CivilDate, validUntil: CivilDate): CivilDate {
  const earliest = minDate(addDays(made, 30), LAST_DATE);
  const latest = minDate(validUntil || LAST_DATE, LAST_DATE);
  return randomDate(rng, earliest, latest >= earliest ? latest : LAST_DATE);
}

export function commitmentRow(ctx: GeneratorContext, index: number, options: CommitmentOptions): Row {
  const { rng } = ctx;
  const probe = rng.pick(ctx.subjects);
  const category = committerCategory(rng, probe, index);
  const subject = KINDS_FOR[category].includes(probe.kind) ? probe : rng.pick(ctx.byKinds(KINDS_FOR[category]));
  const person = madeByPerson({ committerCategory: category });
  const title = category === '公务员' ? civilTitle(rng, subject) : category === '国企高管' ? rng.pick(TITLES_EXECUTIVE) : '';
  const type = commitmentType(rng, index, person);
  const made = randomDate(rng, FIRST_DATE, LAST_DATE);
  const validUntil = rng.chance(0.3) ? '' : addDays(addMonths(made, 12 * rng.int(1, 3)), -1);
  const status = fulfilment(ctx, index, made, validUntil);
  const settled = status !== '履行中';
  const unit = acceptingUnit(ctx, subject);
  const id = recordId('CN', made, index + 1, ctx.idWidth, false);
  const preamble = person ? rng.pick(PREAMBLES_PERSON)(subject, title) : rng.pick(PREAMBLES_ORG)(subject);
  const failed = status === '部分履行' || status === '全部未履行';
  const content = commitmentContent(rng, type, category, preamble, options.contentLength);
  const decided = settled ? settlementDate(rng, made, validUntil) : '';
  return {
    信息编号: id,
    承诺人名称: person ? personName(rng) : subject.name,
    承诺人类别: category,
    统一社会信用代码: subject.code,
    承诺人职务: title,
    承诺类型: type,
    承诺事由: rng.pick(REASONS[type]),
    承诺内容: content.text,
    违诺责任: rng.chance(0.8) ? rng.pick(BREACH_LIABILITY) : '',
    承诺作出日期: looseDate(ctx, made, index, 41, formatChineseDate),
    承诺有效期至: validUntil,
    承诺受理单位: unit,
    承诺履行状态: status,
    履行状态认定日期: decided,
    认定单位: settled ? unit : '',
    未履行的承诺内容: failed ? unkept(rng, content.clauses) : '',
    违诺责任追究内容: failed && rng.chance(0.8) ? rng.pick(ACCOUNTABILITY) : '',
    公开类型: publicity(ctx, index),
    承诺书附件: options.attachment?.(index, id) ?? '',
    备注: rng.chance(0.15) ? rng.pick(COMMITMENT_REMARKS) : '',
  };
}

// ---------------------------------------------------------------------------
// Administrative penalties (行政处罚, 双公示)

interface FactInput {
  subject: Subject;
  /** Date of the facts, as 2025年3月7日. */
  when: string;
  rng: Rng;
}

type PenaltyKind = (typeof PENALTY_KINDS)[number];
type SpecialDomain = (typeof SPECIAL_DOMAINS)[number];

/** 失信程度 and the disclosure window come from 处罚类别 as Order 36 says (src/lib/rules/order-36-2025.ts). */
interface PenaltyTemplate {
  dept: string;
  kinds: readonly SubjectKind[];
  type: string;
  fact: (f: FactInput) => string;
  basis: string;
  categories: readonly PenaltyKind[];
  content: (fine: string) => string;
  fine?: readonly [number, number];
  confiscation?: readonly [number, number];
  license?: (r: Region, year: number, rng: Rng) => string;
  special?: SpecialDomain;
  /** Whether the platform may have graded it 轻微. */
  minorPossible?: boolean;
}

const PROJECTS = ['老旧小区改造', '雨污分流', '城区道路提升', '安置房建设', '学校扩建', '农村供水管网改造'];
const PLACES = ['东侧', '西侧', '南侧', '北侧'];

const PENALTY_TEMPLATES: readonly PenaltyTemplate[] = [
  {
    dept: 'yjgl',
    kinds: ['enterprise'],
    type: '未如实记录安全生产教育和培训情况',
    fact: ({ subject, when, rng }) => `${when}，执法人员对${subject.name}开展安全生产检查，发现该单位未如实记录${rng.int(6, 40)}名从业人员的安全生产教育和培训时间、内容及考核结果，部分培训档案系事后补签。`,
    basis: '《中华人民共和国安全生产法》第二十八条第四款、第九十七条第四项',
    categories: ['警告', '罚款'],
    content: (fine) => `给予警告，并处罚款${fine}万元。`,
    fine: [1, 3],
    special: '安全生产',
  },
  {
    dept: 'yjgl',
    kinds: ['enterprise'],
    type: '未采取措施消除事故隐患',
    fact: ({ subject, when, rng }) => `${when}，执法人员在${subject.name}承建的${rng.pick(PROJECTS)}项目施工现场检查时发现，基坑临边防护缺失、临时用电线路私拉乱接，经责令限期整改后逾期仍未消除事故隐患。`,
    basis: '《中华人民共和国安全生产法》第一百零二条',
    categories: ['罚款', '责令停产停业'],
    content: (fine) => `处罚款${fine}万元，责令停产停业整顿，隐患消除并经验收合格后方可恢复施工。`,
    fine: [3, 5],
    special: '安全生产',
  },
  {
    dept: 'scjg',
    kinds: ['institution', 'enterprise'],
    type: '使用未经定期检验的特种设备',
    fact: ({ subject, when, rng }) => `${when}，执法人员检查发现${subject.name}使用的${rng.int(1, 4)}台电梯超过定期检验有效期仍继续使用，未按要求在检验合格有效期届满前1个月向特种设备检验机构提出定期检验要求。`,
    basis: '《中华人民共和国特种设备安全法》第四十条第三款、第八十四条第一项',
    categories: ['罚款'],
    content: (fine) => `责令停止使用超期未检电梯，处罚款${fine}万元。`,
    fine: [3, 6],
    special: '特种设备',
  },
  {
    dept: 'xf',
    kinds: ['institution', 'department'],
    type: '消防设施、器材未保持完好有效',
    fact: ({ subject, when, rng }) => `${when}，消防救援机构对${subject.name}开展消防监督检查，发现该单位${rng.pick(['门诊楼', '教学楼', '办公楼', '宿舍楼'])}室内消火栓无水，${rng.int(3, 12)}具灭火器压力不足，火灾自动报警系统处于故障状态。`,
    basis: '《中华人民共和国消防法》第十六条第一款第二项、第六十条第一款第一项',
    categories: ['罚款'],
    content: (fine) => `责令改正，处罚款${fine}万元。`,
    fine: [0.5, 3],
    special: '消防',
  },
  {
    dept: 'zrzy',
    kinds: ['township', 'enterprise'],
    type: '未经批准非法占用土地',
    fact: ({ subject, when, rng }) => `经查，${subject.name}于${when}起未经批准占用${rng.pick(subject.region.townships.length ? subject.region.townships : ['城区'])}${rng.pick(PLACES)}集体土地${rng.int(300, 4800)}平方米建设${rng.pick(['停车场', '临时办公用房', '物料堆场', '农贸市场'])}，该地块土地利用总体规划用途为一般耕地。`,
    basis: '《中华人民共和国土地管理法》第四十四条、第七十七条第一款，《中华人民共和国土地管理法实施条例》第五十七条',
    categories: ['罚款', '没收非法财物'],
    content: (fine) => `责令退还非法占用的土地，没收在非法占用的土地上新建的建筑物和其他设施，并处罚款${fine}万元。`,
    fine: [1, 12],
    confiscation: [10, 80],
  },
  {
    dept: 'sthj',
    kinds: ['enterprise'],
    type: '超过水污染物排放标准排放水污染物',
    fact: ({ subject, when, rng }) => `${when}，执法人员对${subject.name}污水处理设施总排口采样监测，化学需氧量浓度为${rng.int(56, 120)}mg/L，超过《城镇污水处理厂污染物排放标准》一级A标准限值。`,
    basis: '《中华人民共和国水污染防治法》第十条、第八十三条第二项',
    categories: ['罚款'],
    content: (fine) => `责令改正，处罚款${fine}万元。`,
    fine: [10, 30],
  },
  {
    dept: 'sthj',
    kinds: ['enterprise'],
    type: '超标排放水污染物拒不改正',
    fact: ({ subject, when }) => `${subject.name}因超标排放水污染物被责令改正后，${when}复查时总排口氨氮浓度仍超过排放标准，且未按要求制定整改方案。`,
    basis: '《中华人民共和国水污染防治法》第八十三条第二项',
    categories: ['罚款', '责令停产停业'],
    content: (fine) => `处罚款${fine}万元，报经有批准权的人民政府批准，责令停产整治。`,
    fine: [30, 80],
  },
  {
    dept: 'zjj',
    kinds: ['enterprise'],
    type: '施工工地未采取有效防尘降尘措施',
    fact: ({ subject, when, rng }) => `${when}，执法人员巡查发现${subject.name}承建的${rng.pick(PROJECTS)}项目施工现场裸露土方未覆盖，车辆出入口未设置冲洗设施，造成扬尘污染。`,
    basis: '《中华人民共和国大气污染防治法》第六十九条第三款、第一百一十五条第一款第一项',
    categories: ['罚款'],
    content: (fine) => `责令改正，处罚款${fine}万元。`,
    fine: [1, 5],
  },
  {
    dept: 'zjj',
    kinds: ['enterprise'],
    type: '施工扬尘污染拒不改正',
    fact: ({ subject, when, rng }) => `${subject.name}承建的${rng.pick(PROJECTS)}项目因扬尘污染被责令改正后，${when}复查时施工现场仍未落实覆盖、冲洗、湿法作业等防尘措施。`,
    basis: '《中华人民共和国大气污染防治法》第一百一十五条第一款',
    categories: ['罚款', '限制开展生产经营活动'],
    content: (fine) => `处罚款${fine}万元；拒不改正，责令停工整治，整治期间限制开展土石方作业。`,
    fine: [5, 10],
  },
  {
    dept: 'tjj',
    kinds: ['township', 'department', 'institution'],
    type: '提供不真实统计资料',
    fact: ({ subject, when, rng }) => `经统计执法检查，${subject.name}于${when}报送的${rng.pick(['固定资产投资统计报表', '劳动工资统计报表', '服务业财务状况统计报表'])}中，${rng.pick(['本年完成投资', '从业人员期末人数', '营业收入'])}数据与原始记录不符，虚报比例为${rng.int(8, 35)}%。`,
    basis: '《中华人民共和国统计法》第七条、第四十一条第一款第二项',
    categories: ['警告', '通报批评'],
    content: () => '责令改正，给予警告，并予以通报。',
    minorPossible: true,
  },
  {
    dept: 'scjg',
    kinds: ['institution'],
    type: '食堂未按规定查验进货票据',
    fact: ({ subject, when, rng }) => `${when}，执法人员对${subject.name}食堂进行检查，发现其采购的${rng.pick(['鲜猪肉', '食用植物油', '大米', '冷冻水产品'])}未查验供货者的许可证和产品合格证明文件，未建立进货查验记录。`,
    basis: '《中华人民共和国食品安全法》第五十条、第一百二十六条第一款第三项',
    categories: ['警告'],
    content: () => '责令改正，给予警告。',
    minorPossible: true,
  },
  {
    dept: 'wjw',
    kinds: ['institution'],
    type: '未按照类别分置医疗废物',
    fact: ({ subject, when, rng }) => `${when}，卫生健康监督员检查发现${subject.name}${rng.pick(['检验科', '口腔科', '外科病房', '发热门诊'])}将损伤性医疗废物与感染性医疗废物混装，医疗废物暂存处未设置明显警示标识。`,
    basis: '《医疗废物管理条例》第十六条、第四十六条第一项',
    categories: ['警告', '罚款'],
    content: (fine) => `责令限期改正，给予警告，并处罚款${fine}万元。`,
    fine: [0.2, 0.5],
    minorPossible: true,
  },
  {
    dept: 'cgj',
    kinds: ['enterprise', 'institution'],
    type: '不按照排水许可证要求排放污水',
    fact: ({ subject, when, rng }) => `${when}，${subject.name}向城镇排水管网超标排放含油污水，导致${rng.pick(subject.region.roads)}段污水管网堵塞、污水外溢，影响周边居民出行，造成严重后果。`,
    basis: '《城镇排水与污水处理条例》第二十一条、第五十条第二款',
    categories: ['罚款', '吊销许可证件'],
    content: (fine) => `处罚款${fine}万元，吊销城镇污水排入排水管网许可证。`,
    fine: [5, 20],
    license: (r, year, rng) => `城镇污水排入排水管网许可证（${r.abbr}排许字〔${year - rng.int(1, 3)}〕第${pad(rng.int(1, 300), 3)}号）`,
  },
];

/** 行政相对人 is a natural person: a valid row the portal withholds. */
function naturalPersonPenalty(ctx: GeneratorContext, index: number, decided: CivilDate): Row {
  const { rng } = ctx;
  const employer = rng.pick(ctx.byKinds(['enterprise']));
  const authority = departmentName(employer.region, 'yjgl');
  const authorityCode = ctx.codes.codeFor(authority, 'department', employer.region.division);
  const surname = rng.pick(SURNAMES);
  return {
    信息编号: recordId('XZCF', decided, index + 1, ctx.idWidth, true),
    行政相对人名称: `${surname}某某`,
    行政相对人类别: '自然人',
    统一社会信用代码: employer.code,
    法定代表人: '',
    行政处罚决定书文号: `${employer.region.abbr}应急罚〔${yearOf(decided)}〕${rng.int(1, 180)}号`,
    违法行为类型: '未取得特种作业操作证书上岗作业',
    违法事实: `${formatChineseDate(addDays(decided, -rng.int(20, 60)))}，当事人${surname}某某在未取得特种作业操作证的情况下，在${employer.name}施工现场从事电焊作业。`,
    处罚依据: '《特种作业人员安全技术培训考核管理规定》第三十九条',
    处罚类别: '罚款',
    处罚内容: '责令改正，处罚款0.1万元。',
    '罚款金额（万元）': '0.1',
    '没收违法所得、没收非法财物的金额（万元）': '',
    暂扣或吊销证照名称及编号: '',
    处罚决定日期: decided,
    失信程度: '',
    公示期特殊领域: '',
    公示截止期: '',
    处罚机关: authority,
    处罚机关统一社会信用代码: authorityCode,
    数据来源单位: authority,
    数据来源单位统一社会信用代码: authorityCode,
    信用修复状态: '未修复',
    修复日期: '',
    备注: '行政相对人为自然人，统一社会信用代码为其所在单位',
  };
}

interface PenaltyGrade {
  level: Severity;
  /** The value written to 失信程度 (empty: the build derives it from 处罚类别). */
  written: Severity | '';
}

function penaltyGrade(rng: Rng, t: PenaltyTemplate, decided: CivilDate, index: number, profile: Profile): PenaltyGrade {
  const derived = severityOf({ decidedOn: decided, kinds: t.categories }).severity;
  if (t.minorPossible && (profile === 'sample' ? rng.chance(0.5) : rng.chance(0.1))) return { level: '轻微', written: '轻微' };
  const explicit = index % 3 === 0 ? false : rng.chance(0.6);
  return { level: derived, written: explicit ? derived : '' };
}

/** Repair happens after the minimum period and before the legal end, never after the last generated date. */
function repair(rng: Rng, window: PenaltyWindow, share: number): CivilDate {
  if (!window.minimumEnd || !window.legalEnd || !rng.chance(share)) return '';
  const to = minDate(addDays(window.legalEnd, -1), LAST_DATE);
  return window.minimumEnd <= to ? randomDate(rng, window.minimumEnd, to) : '';
}

function penaltyDate(ctx: GeneratorContext): CivilDate {
  if (ctx.profile === 'sample' || ctx.rng.chance(0.1)) return randomDate(ctx.rng, FIRST_DATE, '2026-11-20');
  return randomDate(ctx.rng, '2026-01-05', LAST_DATE);
}

export function penaltyRow(ctx: GeneratorContext, index: number): Row {
  const { rng } = ctx;
  const decided = penaltyDate(ctx);
  if (ctx.profile === 'sample' && index % 29 === 17) return naturalPersonPenalty(ctx, index, decided);
  const t = index < PENALTY_TEMPLATES.length ? PENALTY_TEMPLATES[index]! : rng.pick(PENALTY_TEMPLATES);
  const subject = rng.pick(ctx.byKinds(t.kinds));
  const r = subject.region;
  const authority = departmentName(r, t.dept);
  const authorityCode = ctx.codes.codeFor(authority, 'department', r.division);
  const grade = penaltyGrade(rng, t, decided, index, ctx.profile);
  const window = penaltyWindow({ decidedOn: decided, kinds: t.categories, severity: grade.level, specialDomain: t.special });
  const fine = t.fine ? round(t.fine[0] + rng.next() * (t.fine[1] - t.fine[0]), 2) : '';
  const repaired = repair(rng, window, ctx.profile === 'sample' ? 0.45 : 0.05);
  const year = yearOf(decided);
  const separator = index % 4 === 1 ? '、' : '；';
  return {
    信息编号: recordId('XZCF', decided, index + 1, ctx.idWidth, true),
    行政相对人名称: subject.name,
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: subject.code,
    法定代表人: personName(rng),
    行政处罚决定书文号: `${r.abbr}${departmentTemplate(t.dept).docAbbr}〔${year}〕${rng.int(1, 320)}号`,
    违法行为类型: t.type,
    违法事实: t.fact({ subject, when: formatChineseDate(addDays(decided, -rng.int(15, 90))), rng }),
    处罚依据: t.basis,
    处罚类别: t.categories.join(separator),
    处罚内容: t.content(fine),
    '罚款金额（万元）': fine,
    '没收违法所得、没收非法财物的金额（万元）': t.confiscation ? round(t.confiscation[0] + rng.next() * (t.confiscation[1] - t.confiscation[0]), 2) : '',
    暂扣或吊销证照名称及编号: t.license ? t.license(r, year, rng) : '',
    处罚决定日期: decided,
    失信程度: grade.written,
    公示期特殊领域: t.special ?? '',
    公示截止期: window.legalEnd && rng.chance(0.3) ? window.legalEnd : '',
    处罚机关: authority,
    处罚机关统一社会信用代码: authorityCode,
    数据来源单位: authority,
    数据来源单位统一社会信用代码: authorityCode,
    信用修复状态: repaired ? '已修复' : '未修复',
    修复日期: repaired,
    备注: repaired ? '已按规定完成信用修复' : '',
  };
}

// ---------------------------------------------------------------------------
// Court enforcement (被执行人) and dishonest judgment debtors (失信被执行人)

const DEBTOR_KINDS: readonly SubjectKind[] = ['government', 'department', 'township', 'institution', 'enterprise'];
const CREDITOR_WORDS = ['岱麓', '泰和', '汶源', '鑫泰', '华岳', '宏达', '金山', '瑞丰', '恒通', '东岳'];
const CREDITOR_TRADES = ['建筑工程', '市政工程', '园林绿化', '建材贸易', '信息技术', '物业服务'];

function creditor(rng: Rng): string {
  return `泰安市${rng.pick(CREDITOR_WORDS)}${rng.pick(CREDITOR_TRADES)}有限公司`;
}

interface Judgment {
  number: string;
  issuer: string;
}

function judgment(rng: Rng, r: Region, filed: CivilDate): Judgment {
  const year = yearOf(filed) - rng.int(0, 1);
  const kind = rng.weighted([
    ['first', 5],
    ['arbitration', 3],
    ['appeal', 2],
  ] as const);
  if (kind === 'arbitration') return { number: `泰仲裁字〔${year}〕第${rng.int(10, 420)}号`, issuer: '泰安仲裁委员会' };
  if (kind === 'appeal' || r.isCity) return { number: `（${year}）鲁09民终${rng.int(100, 3600)}号`, issuer: '泰安市中级人民法院' };
  return { number: `（${year}）${r.courtCode}民初${rng.int(100, 6800)}号`, issuer: r.court };
}

function caseNumber(rng: Rng, r: Region, filed: CivilDate): string {
  return `（${yearOf(filed)}）${r.courtCode}执${rng.int(1, r.isCity ? 600 : 5200)}号`;
}

/** Within the notice's 7 working days, well beyond it, or not notified yet. */
function noticeDate(rng: Rng, filed: CivilDate, index: number): CivilDate {
  const choice = coverThenWeighted(rng, index, [
    ['within', 55],
    ['late', 30],
    ['none', 15],
  ] as const);
  if (choice === 'none') return '';
  const date = choice === 'within' ? addWorkingDays(filed, rng.int(1, 5)) : addWorkingDays(filed, rng.int(18, 45));
  return date <= LAST_DATE ? date : '';
}

type EnforcementOutcome = (typeof ENFORCEMENT_OUTCOMES)[number];
type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export function enforcementRow(ctx: GeneratorContext, index: number): Row {
  const { rng } = ctx;
  const subject = rng.pick(ctx.byKinds(DEBTOR_KINDS));
  const r = subject.region;
  const filed = randomDate(rng, ctx.profile === 'sample' ? FIRST_DATE : '2025-06-01', '2026-11-24');
  const sample = ctx.profile === 'sample';
  const state = coverThenWeighted<EnforcementOutcome>(rng, index, [
    ['未履行', sample ? 22 : 55],
    ['部分履行', sample ? 15 : 30],
    ['全部履行', sample ? 33 : 8],
    ['执行和解', sample ? 15 : 4],
    ['终结执行', sample ? 15 : 3],
  ]);
  const closed = CLOSING_OUTCOMES.includes(state);
  const basis = judgment(rng, r, filed);
  return {
    信息编号: recordId('BZXR', filed, index + 1, ctx.idWidth, true),
    案号: caseNumber(rng, r, filed),
    被执行人名称: subject.name,
    统一社会信用代码: subject.code,
    执行法院: r.court,
    立案日期: looseDate(ctx, filed, index, 9, slashDate),
    '执行标的（万元）': rng.chance(0.9) ? round(rng.int(50, 80_000) / 100, 2) : '',
    执行依据文号: basis.number,
    做出执行依据单位: basis.issuer,
    通报日期: noticeDate(rng, filed, index),
    履行情况: state,
    结案日期: closed ? randomDate(rng, minDate(addDays(filed, 20), LAST_DATE), minDate(addDays(filed, 400), LAST_DATE)) : '',
  };
}

const DISHONEST_CONDUCT = ['有履行能力而拒不履行生效法律文书确定义务', '违反财产报告制度', '违反限制消费令', '无正当理由拒不履行执行和解协议'];

export function dishonestRow(ctx: GeneratorContext, index: number): Row {
  const { rng } = ctx;
  const subject = rng.pick(ctx.byKinds(DEBTOR_KINDS));
  const r = subject.region;
  const sample = ctx.profile === 'sample';
  const filed = randomDate(rng, sample ? FIRST_DATE : '2025-03-01', '2026-08-31');
  const listed = minDate(addDays(filed, rng.int(60, 200)), LAST_DATE);
  const removable = addDays(listed, 20) <= LAST_DATE;
  const removed = removable && rng.chance(sample ? 0.55 : 0.08) ? randomDate(rng, addDays(listed, 20), minDate(addDays(listed, 300), LAST_DATE)) : '';
  const supervision = coverThenWeighted<SupervisionStatus>(rng, index, [
    ['待通报', 15],
    ['已通报', 35],
    ['现场督办', 20],
    ['已约谈', 20],
    ['已移交', 10],
  ]);
  const notified = supervision === '待通报' ? '' : minDate(addDays(listed, rng.int(1, 20)), LAST_DATE);
  const owed = rng.int(30, 9_000) * 1000 + rng.int(0, 999);
  const partly = rng.chance(0.4);
  const paid = partly ? Math.floor(owed * (rng.int(10, 70) / 100)) : 0;
  const basis = judgment(rng, r, filed);
  return {
    信息编号: recordId('SXBZXR', listed, index + 1, ctx.idWidth, true),
    案号: caseNumber(rng, r, filed),
    被执行人名称: subject.name,
    统一社会信用代码: subject.code,
    法定代表人或者负责人姓名: personName(rng),
    执行法院: r.court,
    省份: '山东',
    执行依据文号: basis.number,
    立案时间: filed,
    做出执行依据单位: basis.issuer,
    // Thousands separators make this cell need quoting, as real exports do.
    生效法律文书确定的义务: `被执行人于判决生效之日起十日内向申请执行人${creditor(rng)}支付${rng.pick(['工程款', '货款', '租金', '服务费'])}人民币${owed.toLocaleString('en-US')}元及逾期付款利息，并负担案件受理费。`,
    被执行人的履行情况: partly ? '部分未履行' : '全部未履行',
    失信被执行人行为具体情形: rng.pick(DISHONEST_CONDUCT),
    已履行部分: partly ? `${round(paid / 10_000, 2)}万元` : '',
    未履行部分: `${round((owed - paid) / 10_000, 2)}万元`,
    发布时间: listed,
    移出日期: removed,
    督办状态: supervision,
    通报日期: notified,
  };
}

// ---------------------------------------------------------------------------
// Honours (表彰奖励)

interface HonourTemplate {
  level: (typeof HONOR_LEVELS)[number];
  name: (year: number, r: Region) => string;
  grantor: (r: Region) => string;
  /** Validity in years; 0 means no end date. */
  years: number;
  /** Kinds of subject it is given to; any when absent. */
  kinds?: readonly SubjectKind[];
}

const TEAMS: readonly SubjectKind[] = ['department', 'institution', 'enterprise'];

const HONOURS: readonly HonourTemplate[] = [
  { level: '国家级', name: () => '全国文明单位', grantor: () => '中央精神文明建设指导委员会', years: 3 },
  { level: '国家级', name: () => '全国五一劳动奖状', grantor: () => '中华全国总工会', years: 0, kinds: ['institution', 'enterprise'] },
  { level: '国家级', name: () => '全国青年文明号', grantor: () => '共青团中央', years: 2, kinds: TEAMS },
  { level: '省级', name: () => '山东省文明单位', grantor: () => '山东省精神文明建设委员会', years: 3 },
  { level: '省级', name: () => '山东省富民兴鲁劳动奖状', grantor: () => '山东省总工会', years: 0, kinds: ['institution', 'enterprise'] },
  { level: '省级', name: (y) => `${y}年度山东省社会信用体系建设示范单位`, grantor: () => '山东省社会信用体系建设领导小组', years: 2 },
  { level: '省级', name: () => '山东省巾帼文明岗', grantor: () => '山东省妇女联合会', years: 0, kinds: TEAMS },
  { level: '市级', name: () => '泰安市文明单位', grantor: () => '泰安市精神文明建设委员会', years: 3 },
  { level: '市级', name: (y) => `${y}年度泰安市诚信建设示范单位`, grantor: () => '泰安市社会信用体系建设领导小组', years: 1 },
  { level: '市级', name: (y) => `${y}年度泰安市政务诚信建设先进单位`, grantor: () => '中共泰安市委 泰安市人民政府', years: 0 },
  { level: '市级', name: () => '泰安市五一劳动奖状', grantor: () => '泰安市总工会', years: 0, kinds: ['institution', 'enterprise'] },
  { level: '县级', name: (y, r) => `${y}年度${r.prefix}优化营商环境先进集体`, grantor: (r) => r.leadership, years: 0 },
  { level: '县级', name: (_y, r) => `${r.prefix}文明单位`, grantor: (r) => `${r.prefix}精神文明建设委员会`, years: 3 },
];

export function honorRow(ctx: GeneratorContext, index: number): Row {
  const { rng } = ctx;
  const subject = rng.pick(ctx.subjects);
  const eligible = HONOURS.filter((h) => (h.level !== '县级' || !subject.region.isCity) && (!h.kinds || h.kinds.includes(subject.kind)));
  const h = index < HONOURS.length && eligible.includes(HONOURS[index]!) ? HONOURS[index]! : rng.pick(eligible);
  const sample = ctx.profile === 'sample';
  const granted = randomDate(rng, sample ? FIRST_DATE : '2024-12-01', LAST_DATE);
  const until = h.years ? addDays(addMonths(granted, 12 * h.years), -1) : '';
  return {
    信息编号: recordId('BZJL', granted, index + 1, ctx.idWidth, true),
    统一社会信用代码: subject.code,
    主体名称: subject.name,
    荣誉名称: h.name(yearOf(granted) - 1, subject.region),
    授予单位: h.grantor(subject.region),
    授予级别: h.level,
    授予日期: looseDate(ctx, granted, index, 7, formatChineseDate),
    有效期至: until,
  };
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180)

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[], eol: string): string {
  return values.map(csvField).join(',') + eol;
}

export function csvRecord(columns: readonly string[], row: Row, eol: string): string {
  return csvLine(
    columns.map((c) => row[c] ?? ''),
    eol,
  );
}

/** manifest.json of a generated export: fictional data, so always `sample: true`. */
export function writeManifest(dir: string, files: Record<string, ManifestFile>): void {
  const manifest: Manifest = { schema_version: 1, platform: '泰安市公共信用信息平台', exported_at: EXPORTED_AT, sample: true, files };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

// ---------------------------------------------------------------------------
// GB18030 encoding without a dependency: the reverse of the platform's own decoder

let gbTable: Map<string, number> | undefined;

/** Every two-byte GB18030 sequence, decoded once; the first sequence of a character wins. */
function gb18030Table(): Map<string, number> {
  if (gbTable) return gbTable;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return (gbTable = table);
}

/** Encodes ASCII and the two-byte range (all of GBK); anything else is a generator bug. */
export function encodeGb18030(text: string): Buffer {
  const table = gb18030Table();
  const out = Buffer.alloc(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const pair = table.get(ch);
    if (pair === undefined) throw new Error(`character U+${code.toString(16).toUpperCase()} is outside the two-byte GB18030 range`);
    out[n++] = pair >> 8;
    out[n++] = pair & 0xff;
  }
  return out.subarray(0, n);
}

// ---------------------------------------------------------------------------
// Attachments: a one-page PDF and a flat share image (PNG)

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A single A4 page of Helvetica text, PDF 1.4, with a correct cross-reference table. */
export function minimalPdf(lines: readonly string[]): Buffer {
  // Offsets below count characters as bytes, and Helvetica has no CJK glyphs anyway.
  if (lines.some((l) => /[^\x20-\x7e]/.test(l))) throw new Error('minimalPdf takes printable ASCII only');
  const stream = ['BT', '/F1 14 Tf', '72 770 Td', '18 TL', ...lines.map((l) => `(${pdfString(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${pad(o, 10)} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export type Rgb = readonly [number, number, number];

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG, each scanline unfiltered; `pixel` gives the colour at (x, y). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc(height * (width * 3 + 1));
  let n = 0;
  for (let y = 0; y < height; y++) {
    raw[n++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[n++] = r;
      raw[n++] = g;
      raw[n++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A 1200×630 share image: flat sky, a mountain ridge (Mount Tai), a ground band and stripes. */
export function coverImage(sky: Rgb, mountain: Rgb, ground: Rgb): Buffer {
  const width = 1200;
  const height = 630;
  const ridge = (x: number) => 430 - Math.max(0, 260 - Math.abs(x - 760) * 0.75, 170 - Math.abs(x - 380) * 0.6, 110 - Math.abs(x - 1080) * 0.5);
  return encodePng(width, height, (x, y) => {
    if (y >= 520) return (x + y) % 48 < 6 ? mountain : ground;
    if (y >= ridge(x)) return mountain;
    return sky;
  });
}
