/**
 * §5: exported case bodies may not carry active content. MDX is rendered as Markdown,
 * so ESM import/export lines are refused too: the portal never runs code from an export.
 */
const FORBIDDEN: { pattern: RegExp; message: string }[] = [
  { pattern: /<\s*script\b/gi, message: '不允许使用 <script> 标签' },
  { pattern: /<\s*iframe\b/gi, message: '不允许使用 <iframe> 标签' },
  { pattern: /<\s*style\b/gi, message: '不允许使用 <style> 标签' },
  // [^>]* spans line breaks: a tag may put its handler on the next line.
  { pattern: /<[a-z][^>]*\son[a-z]+\s*=/gi, message: '不允许使用内联事件处理属性（on…=）' },
  // Markdown decodes character references in link targets, so javascript&#58; is a javascript: link too.
  { pattern: /javascript\s*(?::|&colon;|&#0*58;?|&#x0*3a;?)/gi, message: '不允许使用 javascript: 链接' },
];
const MDX_ESM = /^\s*(import|export)\s/;

export function forbiddenMarkup(body: string, format: 'md' | 'mdx'): { offsetLine: number; message: string }[] {
  const found: { offsetLine: number; message: string }[] = [];
  const lineAt = (index: number) => body.slice(0, index).split(/\r?\n/).length - 1;
  // Matched over the whole body, not line by line, so that a tag broken over lines is still seen.
  for (const rule of FORBIDDEN) for (const m of body.matchAll(rule.pattern)) found.push({ offsetLine: lineAt(m.index), message: rule.message });
  if (format === 'mdx') body.split(/\r?\n/).forEach((line, i) => {
    if (MDX_ESM.test(line)) found.push({ offsetLine: i, message: 'MDX 中不允许使用 import / export 语句' });
  });
  return found.sort((a, b) => a.offsetLine - b.offsetLine);
}
