/**
 * The short forms of agency names in everyday use (市场监管局, 发改委, 住建局), and the full forms
 * the agencies' names are written in on their pages (市场监督管理局, 发展和改革委员会). A citizen
 * types the short form; the records carry the full one. A query part holding a short form is
 * also searched with the full form in its place (query.ts), so 市场监管局 finds 泰安市市场监督管理局.
 * Short forms only: a full form typed finds the pages that write it, as before.
 */
const SHORT_FORMS: readonly (readonly [short: string, full: string])[] = [
  ['市场监管', '市场监督管理'],
  ['发改', '发展和改革'],
  ['住建', '住房和城乡建设'],
  ['人社', '人力资源和社会保障'],
  ['卫健', '卫生健康'],
  ['医保', '医疗保障'],
  ['文旅', '文化和旅游'],
  ['国资委', '国有资产监督管理委员会'],
  ['城投', '城市建设投资'],
  ['综合执法', '综合行政执法'],
];

/** The part with every short form it holds written in full, or undefined when it holds none. */
export function writtenInFull(part: string): string | undefined {
  let full = part;
  for (const [short, long] of SHORT_FORMS) if (!full.includes(long)) full = full.replaceAll(short, long);
  return full === part ? undefined : full;
}

/**
 * An agency's name as it may be typed whole: written in full, as given, and with any of its full
 * forms in short, each a text that `writtenInFull` reads back as the name in full
 * (泰安市市场监督管理局 → also 泰安市市场监管局). The build lists the pages of each (known.ts).
 */
export function nameForms(name: string): string[] {
  const full = writtenInFull(name) ?? name;
  const pairs = SHORT_FORMS.filter(([, long]) => full.includes(long));
  const forms = new Set([full, name]);
  for (let subset = 1; subset < 1 << pairs.length; subset++) {
    const form = pairs.reduce((text, [short, long], i) => (subset & (1 << i) ? text.replaceAll(long, short) : text), full);
    if (writtenInFull(form) === full) forms.add(form);
  }
  return [...forms];
}
