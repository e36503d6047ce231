/**
 * §5: exported case bodies may not carry active content. MDX is rendered as Markdown,
 * so ESM import/export lines are refused too: the portal never runs code from an export.
 */
const FORBIDDEN: { pattern: RegExp; message: string }[] = [
  { pattern: /<\s*script\b/i, message: '不允许使用 <script> 标签' },
  { pattern: /<\s*iframe\b/i, message: '不允许使用 <iframe> 标签' },
  { pattern: /<\s*style\b/i, message: '不允许使用 <style> 标签' },
  { pattern: /<[a-z][^>]*\son[a-z]+\s*=/i, message: '不允许使用内联事件处理属性（on…=）' },
  { pattern: /javascript\s*:/i, message: '不允许使用 javascript: 链接' },
];
const MDX_ESM = /^\s*(import|export)\s/;

export function forbiddenMarkup(body: string, format: 'md' | 'mdx'): { offsetLine: number; message: string }[] {
  const found: { offsetLine: number; message: string }[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    for (const rule of FORBIDDEN) if (rule.pattern.test(line)) found.push({ offsetLine: i, message: rule.message });
    if (format === 'mdx' && MDX_ESM.test(line)) found.push({ offsetLine: i, message: 'MDX 中不允许使用 import / export 语句' });
  });
  return found;
}
