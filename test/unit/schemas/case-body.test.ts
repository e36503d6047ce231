import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import config from '../../../astro.config.mjs';
import { checkCaseBody } from '../../../src/lib/schemas/case-body.ts';

const md = (body: string) => checkCaseBody(body, 'md').problems;
const at = (line: number, message: string) => ({ offsetLine: line, message });
const SCRIPT = '不允许使用 <script> 标签';
const HANDLER = '不允许使用内联事件处理属性（on…=）';
const JS_LINK = '不允许使用 javascript: 链接';
const link = (url: string) => `链接只能是 http(s)、mailto、tel、相对地址或页内锚点：${url}`;
const image = (src: string) => `图片只能引用导出包 attachments/ 下的文件：${src}`;

describe('§5 case body: what the allowlist keeps passes', () => {
  test('headings, lists, tables, footnotes, emphasis and code pass', () => {
    assert.deepEqual(md('## 做法\n\n- 按月核查\n- **重点** *事项*\n\n| 节点 | 内容 |\n| --- | --- |\n| 一 | 二 |\n\n脚注[^1]\n\n[^1]: 说明\n\n`代码`'), []);
  });
  test('links may be http(s), mailto, tel, relative or anchors; bare URLs autolink', () => {
    assert.deepEqual(md('[网站](https://example.gov.cn) [旧站](http://example.gov.cn) [邮件](mailto:xyb@taian.gov.cn) [电话](tel:0538-8266019) [指南](/guide/repair/) [上级](../x/) [本节](#做法) <https://a.cn> www.example.com'), []);
  });
  test('images from the export\'s attachments/ pass, written in Markdown or HTML', () => {
    assert.deepEqual(md('![公示栏](attachments/cases/cover.png)\n\n<img src="attachments/cases/案例图.jpg" alt="图">'), []);
  });
  test('allowed raw HTML (line break, superscript, details) passes', () => {
    assert.deepEqual(md('第一行<br>第二行 10<sup>2</sup>\n\n<details><summary>更多</summary>内容</details>'), []);
  });
  test('markup written as code, or a tag-like text that is no tag, is text', () => {
    assert.deepEqual(md('`<script>alert(1)</script>` 是代码\n\n```html\n<iframe src="https://x"></iframe>\n```'), []);
    assert.deepEqual(md('按钮的 onclick 属性说明；< SCRIPT 不是标签'), []);
  });
});

describe('§5 case body: anything the allowlist would remove rejects the case, at its line', () => {
  test('<script>, <iframe>, <style> at their lines', () => {
    assert.deepEqual(md('第一行\n\n正文<script>alert(1)</script>'), [at(2, SCRIPT)]);
    assert.deepEqual(md('<SCRIPT src="x.js"></SCRIPT>'), [at(0, SCRIPT)]);
    assert.deepEqual(md('<iframe src="https://x"></iframe>\n<style>body{}</style>'), [at(0, '不允许使用 <iframe> 标签'), at(1, '不允许使用 <style> 标签')]);
  });
  test('the obsolete <tt> and <strike> are rejected: the page would not be valid HTML', () => {
    assert.deepEqual(md('<tt>代码</tt> <strike>旧</strike>'), [at(0, '不允许使用 <tt> 标签'), at(0, '不允许使用 <strike> 标签')]);
  });
  test('objects, embeds, SVG, forms, <base> and <meta http-equiv> are rejected by name', () => {
    assert.deepEqual(md('<object data="x.swf"></object>'), [at(0, '不允许使用 <object> 标签')]);
    assert.deepEqual(md('正文\n\n<embed src="x.swf">'), [at(2, '不允许使用 <embed> 标签')]);
    assert.deepEqual(md('<svg><circle r="1"/></svg>'), [at(0, '不允许使用 <svg> 标签'), at(0, '不允许使用 <circle> 标签')]);
    assert.deepEqual(md('<form action="https://x"><input type="text"></form>'), [at(0, '不允许使用 <form> 标签'), at(0, '不允许使用任务列表（- [ ]、- [x]）或 <input> 标签')]);
    assert.deepEqual(md('<base href="https://evil.example/">'), [at(0, '不允许使用 <base> 标签')]);
    assert.deepEqual(md('<meta http-equiv="refresh" content="0;url=https://evil.example/">'), [at(0, '不允许使用 <meta> 标签')]);
    assert.deepEqual(md('<picture><source srcset="https://evil.example/x.png"></picture>'), [at(0, '不允许使用 <picture> 标签'), at(0, '不允许使用 <source> 标签')]);
  });
  test('event handlers are rejected, also on the next line of their tag (reported at the tag)', () => {
    assert.deepEqual(md('<a href="#" onclick = "x()">点击</a>'), [at(0, HANDLER)]);
    assert.deepEqual(md('正文\n<a href="#"\n   ONMOUSEOVER="x()">点击</a>'), [at(1, HANDLER)]);
    assert.deepEqual(md('<img src="attachments/a.png" onerror="x()">'), [at(0, HANDLER)]);
  });
  test('javascript: links in any spelling: entities, upper case, white space in the scheme', () => {
    assert.deepEqual(md('[详情](&#106;avascript:alert(1))'), [at(0, JS_LINK)]);
    assert.deepEqual(md('[x](javascript&#58;alert(1)) [y](javascript&colon;alert(1)) [z](javascript&#x3A;alert(1))'), [at(0, JS_LINK), at(0, JS_LINK), at(0, JS_LINK)]);
    assert.deepEqual(md('<a href="JAVASCRIPT:alert(1)">x</a>'), [at(0, JS_LINK)]);
    assert.deepEqual(md('<a href="java\tscript:alert(1)">x</a>'), [at(0, JS_LINK)]);
    assert.deepEqual(md('<a href="java\nscript:alert(1)">x</a>'), [at(0, JS_LINK)]);
    assert.deepEqual(md('<a href="&#x6A;avascript&#58;alert(1)">x</a>'), [at(0, JS_LINK)]);
    assert.deepEqual(md('<a href=" javascript:alert(1)">x</a>'), [at(0, JS_LINK)]);
  });
  test('other schemes are rejected naming the address: data:text/html, vbscript:, file:', () => {
    assert.deepEqual(md('[x](data:text/html;base64,PHNjcmlwdD4=)'), [at(0, link('data:text/html;base64,PHNjcmlwdD4='))]);
    assert.deepEqual(md('<a href="vbscript:msgbox(1)">x</a>'), [at(0, link('vbscript:msgbox(1)'))]);
    assert.deepEqual(md('[x](file:///etc/passwd)'), [at(0, link('file:///etc/passwd'))]);
  });
  test('images from anywhere but attachments/ are rejected: other hosts, protocol-relative, data:, dot segments', () => {
    assert.deepEqual(md('![x](https://evil.example/x.png)'), [at(0, image('https://evil.example/x.png'))]);
    assert.deepEqual(md('![x](//evil.example/x.png)'), [at(0, image('//evil.example/x.png'))]);
    assert.deepEqual(md('文字 <IMG SRC="HTTP://evil.example/x.png">'), [at(0, image('HTTP://evil.example/x.png'))]);
    assert.deepEqual(md('<p><img src=//evil.example/x.png></p>'), [at(0, image('//evil.example/x.png'))]);
    assert.deepEqual(md('![x](data:image/png;base64,AAAA)'), [at(0, image('data:image/png;base64,AAAA'))]);
    assert.deepEqual(md('![x](attachments/../x.png)'), [at(0, image('attachments/../x.png'))]);
    assert.deepEqual(md('![x](attachments/%2e%2e/x.png)'), [at(0, image('attachments/%2e%2e/x.png'))]);
    assert.deepEqual(md('![x](/etc/x.png)'), [at(0, image('/etc/x.png'))]);
  });
  test('inline styles, HTML comments and unknown attributes are rejected', () => {
    assert.deepEqual(md('<p style="background:url(//evil.example/x)">x</p>'), [at(0, '不允许使用 <p> 的 style 属性')]);
    assert.deepEqual(md('正文\n\n<!-- 备注 -->'), [at(2, '不允许使用 HTML 注释')]);
    assert.deepEqual(md('<span class="x" data-x="1">x</span>'), [at(0, '不允许使用 <span> 的 class 属性'), at(0, '不允许使用 <span> 的 data-x 属性')]);
    assert.deepEqual(md('<a href="#x" tabindex="1" accesskey="s">x</a>'), [at(0, '不允许使用 <a> 的 tabindex 属性'), at(0, '不允许使用 <a> 的 accesskey 属性')]);
  });
  test('task lists are refused: their checkboxes would be unlabelled form controls', () => {
    assert.deepEqual(md('正文\n\n- [x] 已完成'), [at(2, '不允许使用任务列表（- [ ]、- [x]）或 <input> 标签')]);
  });
  test('an id is kept (renamed user-content-…), not a problem', () => {
    assert.deepEqual(md('<h2 id="main">标题</h2>'), []);
  });
  test('an id given twice, and a list item or term outside its list, are problems at their lines (the page would be invalid HTML)', () => {
    assert.deepEqual(md('<span id="dup">一</span>\n\n<span id="dup">二</span>\n\n<li>项</li>\n\n<dt>词</dt><dd>释</dd>'), [
      at(2, 'id 重复：dup'),
      at(4, '<li> 标签只能用在 <ol>、<ul> 之中'),
      at(6, '<dt> 标签只能用在 <dl> 之中'),
      at(6, '<dd> 标签只能用在 <dl> 之中'),
    ]);
    assert.deepEqual(md('<dl><dt>词</dt><dd>释</dd></dl>\n\n<ul><li>项</li></ul>\n\n- 项\n  - 子项\n\n1. 一'), []);
    // Inside a list, but a cell between: the item's parent is the cell.
    assert.deepEqual(md('<ul><li><table><tr><td><li>x</li></td></tr></table></li></ul>'), [at(0, '<li> 标签只能用在 <ol>、<ul> 之中')]);
    assert.deepEqual(md('<a id="a b">甲</a>'), [at(0, 'id 不能含空白字符：a b')]);
    // A fullwidth space is no white space to HTML: a valid id.
    assert.deepEqual(md('<a id="第一　章">甲</a>'), []);
    assert.deepEqual(md('<ul><p>段</p></ul>\n\n<ol>正文</ol>\n\n<dl><li>项</li></dl>'), [
      at(0, '<ul> 中只能直接放 <li>'),
      at(2, '<ol> 中只能直接放 <li>'),
      at(4, '<dl> 中只能直接放 <dt>、<dd>、<div>'),
      at(4, '<li> 标签只能用在 <ol>、<ul> 之中'),
    ]);
  });
  test('several problems in one body are all reported, in line order', () => {
    assert.deepEqual(md('<script></script>\n<iframe></iframe>\n\n[x](javascript:y)'), [at(0, SCRIPT), at(1, '不允许使用 <iframe> 标签'), at(3, JS_LINK)]);
  });
});

describe('§5 case body: the text a reader sees, block by block', () => {
  const texts = (body: string) => checkCaseBody(body, 'md').texts;
  test('markup and entities within a block join its text; each paragraph, item and cell is a block of its own, at its line', () => {
    assert.deepEqual(texts('甲*乙*丙 [丁](#a) &#25139;\n\n- 一\n- 二\n\n| 1391 | 2345678 |\n| --- | --- |'), [
      // &#25139; is U+6233, 戳. Lines from 0: the list is on 2 and 3, the table on 5.
      { text: '甲乙丙 丁 戳', offsetLine: 0 },
      // The link's address, which the page has too.
      { text: '#a', offsetLine: 0 },
      { text: '一', offsetLine: 2 },
      { text: '二', offsetLine: 3 },
      { text: '1391', offsetLine: 5 },
      { text: '2345678', offsetLine: 5 },
    ]);
  });
  test('inline markup of any kind joins its run; a line break ends it; every kept attribute is text of its own', () => {
    assert.deepEqual(texts('1391<span>2345</span><sub>678</sub> <del>甲</del><s>乙</s>'), [{ text: '13912345678 甲乙', offsetLine: 0 }]);
    // A line break parts the run's text as a new line does: 1391234 and 5678 are two numbers.
    assert.deepEqual(texts('一<br>二'), [{ text: '一\n二', offsetLine: 0 }]);
    assert.deepEqual(texts('前![370902*1990*01011235](attachments/cases/a.png)后 [链](#x "13912345678") [电话](tel:1391&#50;345678)'), [
      // An image parts the text around it, as the search index reads it.
      { text: '前\n后 链 电话', offsetLine: 0 },
      { text: 'attachments/cases/a.png', offsetLine: 0 },
      { text: '370902199001011235', offsetLine: 0 },
      { text: '#x', offsetLine: 0 },
      { text: '13912345678', offsetLine: 0 },
      // &#50; is 2: the link's address is tel:13912345678 on the page.
      { text: 'tel:13912345678', offsetLine: 0 },
    ]);
  });
  test('what the allowlist drops shows nothing, and a block inside a block ends the text before it', () => {
    assert.deepEqual(texts('前<script>1391</script>后'), [{ text: '前后', offsetLine: 0 }]);
    assert.deepEqual(texts('> 引文\n>\n> 续'), [{ text: '引文', offsetLine: 0 }, { text: '续', offsetLine: 2 }]);
  });
});

describe('§5 case body: no body crashes or stalls the check', () => {
  test('a body nested thousands deep is a problem, not a crash', () => {
    assert.deepEqual(md('<div>'.repeat(10000) + '正文'), [at(0, '正文嵌套层级过深，无法检查，不予公示')]);
  });
  test('nesting is bounded at 64 levels, not by the stack the check happens to have', () => {
    // > N times: root, N blockquotes, the paragraph, its text: the text is N + 2 deep.
    assert.deepEqual(md('> '.repeat(62) + '正文'), []);
    assert.deepEqual(md('> '.repeat(63) + '正文'), [at(0, '正文嵌套层级过深（超过 64 层），不予公示')]);
    // Deep enough to overflow Astro's renderer, though this check could parse it (both passed validate).
    assert.deepEqual(md('\n\n' + '> '.repeat(1500) + 'x'), [at(2, '正文嵌套层级过深（超过 64 层），不予公示')]);
    assert.deepEqual(md('*'.repeat(3000) + 'x' + '*'.repeat(3000)), [at(0, '正文嵌套层级过深（超过 64 层），不予公示')]);
  });
  test('a body over 100,000 characters is refused before parsing', () => {
    assert.deepEqual(md('字'.repeat(100_001)), [at(0, '正文过长（100001 字符，上限 100000 字符），不予检查和公示')]);
    assert.deepEqual(md('字'.repeat(100_000)), []);
  });
});

describe('§5 case body: MDX is rendered as Markdown and may carry no code', () => {
  test('import / export lines are refused in MDX but are plain text in Markdown', () => {
    assert.deepEqual(checkCaseBody('import X from "./x.js"\n\n正文\nexport const a = 1', 'mdx').problems, [at(0, 'MDX 中不允许使用 import / export 语句'), at(3, 'MDX 中不允许使用 import / export 语句')]);
    assert.deepEqual(md('import X from "./x.js"'), []);
  });
  test('{…} expressions are refused in MDX text, not in code; JSX components are unknown tags', () => {
    assert.deepEqual(checkCaseBody('正文\n\n金额 {amount} 元', 'mdx').problems, [at(2, 'MDX 中不允许使用 {…} 表达式')]);
    assert.deepEqual(checkCaseBody('`{amount}`', 'mdx').problems, []);
    assert.deepEqual(checkCaseBody('<Chart data="x" />', 'mdx').problems, [at(0, '不允许使用 <chart> 标签')]);
  });
});

describe('the site renders case bodies through the same allowlist (astro.config.mjs)', async () => {
  const renderer = await config.markdown!.processor!.createRenderer({} as never);
  const render = async (body: string) => (await renderer.render(body, {} as never)).code;
  test('a hostile body loses every active part when rendered, even if the check were bypassed', async () => {
    const html = await render(
      '[详情](&#106;avascript:alert(1)) <a href="data:text/html,x">d</a> <a href="vbscript:x">v</a>\n\n<object data="x.swf"></object><embed src="x.swf"><iframe src="https://evil.example/"></iframe>\n\n<script>alert(1)</script><style>body{}</style><svg onload="x()"></svg><form action="https://evil.example/"></form><base href="https://evil.example/"><meta http-equiv="refresh" content="0">\n\n![x](//evil.example/x.png) <img src="https://evil.example/y.png" onerror="x()">',
    );
    for (const s of ['javascript', 'alert', 'data:', 'vbscript', '<object', '<embed', '<iframe', '<script', '<style', 'body{}', '<svg', 'onload', 'onerror', '<form', '<base', '<meta', 'evil.example'])
      assert.ok(!html.toLowerCase().includes(s), `${s} is not rendered: ${html}`);
    assert.match(html, /<a>详情<\/a>/);
  });
  test("headings get GitHub's anchors behind the user-content- prefix, so a case never takes one of the page's own ids", async () => {
    const html = await render('## main\n\n## 一、基本情况\n\n### main\n\n<h2 id="records">记录</h2>\n\n[上](#main) [基本](#一基本情况) [记录](#records) [别处](#nowhere) <a href="#%E4%">坏</a>');
    assert.deepEqual([...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]), ['user-content-main', 'user-content-一基本情况', 'user-content-main-1', 'user-content-records']);
    // Links to the body's own anchors follow them; other fragments are left as written.
    assert.deepEqual([...html.matchAll(/ href="([^"]*)"/g)].map((m) => m[1]), ['#user-content-main', '#user-content-%E4%B8%80%E5%9F%BA%E6%9C%AC%E6%83%85%E5%86%B5', '#user-content-records', '#nowhere', '#%E4%']);
  });
  test('an image address names its file percent-decoded, as a browser asks for it, and renders at the address the file is published at', async () => {
    // Markdown percent-encodes 封面 (E5 B0 81, E9 9D A2 in UTF-8); %20 in an address is a space.
    const { images, problems } = checkCaseBody('![封面](attachments/cases/封面.png)\n\n![空格](attachments/cases/a%20c.png)\n\n<img src="attachments/cases/图.png" alt="图">', 'md');
    assert.deepEqual(problems, []);
    assert.deepEqual(images, [
      { src: 'attachments/cases/封面.png', offsetLine: 0 },
      { src: 'attachments/cases/a c.png', offsetLine: 2 },
      { src: 'attachments/cases/图.png', offsetLine: 4 },
    ]);
    assert.deepEqual([...(await render('![封面](attachments/cases/封面.png) ![空格](attachments/cases/a%20c.png)')).matchAll(/src="([^"]*)"/g)].map((m) => m[1]), ['/attachments/cases/%E5%B0%81%E9%9D%A2.png', '/attachments/cases/a%20c.png']);
  });
  test('an image address that does not decode, or decodes to another folder, is a problem at its line', () => {
    // Markdown writes the stray % of %A as %25: the bytes E0 A4 are then half a character.
    assert.deepEqual(md('第一行\n\n![x](attachments/cases/a%2Fb.png) ![y](attachments/cases/%E0%A4%A.png)'), [at(2, '图片地址无法解读为 attachments/ 下的文件：attachments/cases/a%2Fb.png'), at(2, '图片地址无法解读为 attachments/ 下的文件：attachments/cases/%E0%A4%25A.png')]);
  });
  test("a heading's anchor never repeats an id the body gives itself", async () => {
    const html = await render('<a id="abc"></a>\n\n## abc\n\n## abc\n\n[到](#abc-1)');
    assert.deepEqual([...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]), ['user-content-abc', 'user-content-abc-1', 'user-content-abc-2']);
    assert.match(html, /href="#user-content-abc-1"/);
  });
  test('attachment images render at their published address /attachments/…', async () => {
    assert.match(await render('![公示栏](attachments/cases/cover.png)'), /<img src="\/attachments\/cases\/cover\.png" alt="公示栏">/);
  });
  test('each table renders in its own scrolling box, named by its number; a table inside a table is not boxed again', async () => {
    const html = await render('| 年份 | 办结率 |\n| --- | --- |\n| 2024年 | 92.4% |\n\n<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>');
    assert.deepEqual([...html.matchAll(/<div class="prose-table" role="region" aria-label="([^"]*)" tabindex="0"><table>/g)].map((m) => m[1]), ['表格1', '表格2']);
    assert.equal(html.match(/prose-table/g)?.length, 2);
    assert.equal(html.match(/<table>/g)?.length, 3);
  });
});
