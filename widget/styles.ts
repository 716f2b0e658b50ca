/**
 * The widget's stylesheet, injected into its shadow root. Host-page CSS cannot select these
 * elements; `.root { all: initial }` also cuts off inherited fonts and colours, and every size is
 * in px because `rem` follows the host page's root font size. Below 480 px the panel fills the
 * screen, and the textarea is 16 px there because iOS zooms into any smaller input.
 */
export const STYLES = `
:host{all:initial}
[hidden]{display:none!important}
.root{all:initial;--rd-accent:#2563eb;--rd-on-accent:#fff;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f2328;-webkit-text-size-adjust:100%}
.root *{box-sizing:border-box;font:inherit;color:inherit;margin:0}
button{cursor:pointer;border:0;background:none;padding:0}
button:focus-visible,textarea:focus-visible,input:focus-visible,a:focus-visible,.log:focus-visible{outline:2px solid var(--rd-accent);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483647;width:56px;height:56px;border-radius:50%;display:flex;align-items:center;justify-content:center;background:var(--rd-accent);color:var(--rd-on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25)}
.launcher svg{width:26px;height:26px;fill:currentColor}
.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#d1242f;color:#fff;font-size:12px;line-height:20px;text-align:center}
.panel{position:fixed;right:20px;bottom:20px;z-index:2147483647;width:370px;height:600px;max-height:calc(100vh - 40px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}
.head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 16px;background:var(--rd-accent);color:var(--rd-on-accent)}
.head h2{font-size:16px;font-weight:600}
.sub{font-size:12px;opacity:.85}
.close{width:32px;height:32px;border-radius:6px;font-size:22px;line-height:32px;color:var(--rd-on-accent)}
.banner{padding:8px 16px;background:#fff8c5;border-bottom:1px solid #eee;font-size:13px}
.offline{background:#ffebe9}
.log-wrap{flex:1;min-height:0;position:relative;display:flex;flex-direction:column}
.earlier{align-self:center;margin:6px auto 0;padding:4px 12px;border:1px solid #d0d7de;border-radius:14px;background:#fff;color:#1f2328;font-size:12px;cursor:pointer}
.cue{position:absolute;left:50%;bottom:8px;transform:translateX(-50%);padding:4px 12px;border-radius:14px;background:#1f2328;color:#fff;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.25)}
.time{display:block;font-size:11px;margin-top:2px}
.msg a{color:inherit;text-decoration:underline}
.contact-box,.comment{padding:8px 16px;border-top:1px solid #eee;font-size:13px}
.contact .row{display:flex;align-items:center;gap:6px;margin-top:6px}
.root input{flex:1;min-width:0;height:34px;padding:0 8px;border:1px solid #6e7781;border-radius:8px;background:#fff}
.comment{display:flex;flex-direction:column;gap:6px;text-align:left}
.save{height:34px;padding:0 12px;border-radius:8px;background:var(--rd-accent);color:var(--rd-on-accent);font-weight:600}
.note{color:#1a7f37}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.msg{max-width:80%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;align-self:flex-start;background:#f1f3f5}
.msg.customer{align-self:flex-end;background:var(--rd-accent);color:var(--rd-on-accent)}
.msg.system{align-self:center;max-width:90%;background:none;color:#57606a;font-size:12px;text-align:center}
.msg.pending{opacity:.75}
.author{display:block;font-size:12px;font-weight:600;color:#57606a}
.state{display:block;font-size:11px;opacity:.9}
.retry{display:block;margin-top:4px;font-size:12px;text-decoration:underline}
.typing{padding:0 16px 4px;min-height:18px;font-size:12px;color:#57606a;font-style:italic}
.rating{padding:8px 16px;border-top:1px solid #eee;text-align:center}
.stars{display:flex;justify-content:center;gap:6px;margin-top:6px}
.star{width:40px;height:40px;border-radius:50%;border:1px solid #d0d7de;font-weight:600}
.star:hover{background:var(--rd-accent);color:var(--rd-on-accent)}
.star:disabled{opacity:.5;cursor:default}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #eee}
.root textarea{flex:1;min-height:40px;max-height:120px;padding:9px 12px;border:1px solid #d0d7de;border-radius:10px;resize:none;background:#fff;line-height:20px}
.send{height:40px;padding:0 16px;border-radius:10px;background:var(--rd-accent);color:var(--rd-on-accent);font-weight:600}
@media (max-width:480px){
.panel{top:0;right:0;bottom:0;left:0;width:100%;height:100%;max-height:none;border-radius:0}
.root textarea{font-size:16px}
}
@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s}.launcher:hover{transform:scale(1.05)}}
`;
