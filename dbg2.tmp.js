const { renderSidecar } = require('./out/src/core/annotations/sidecarFormat');
const { findMentionsBlock, readMentionLines } = require('./out/src/core/annotations/mentionLines');
const AW = ['true','a: b','x}','{y}','? q','?q',':colon','-dash','- dash','a #b','#hash',"'quoted'",'"dq"',' leading','trailing ','@at','`tick','%pct','&amp','*star','!bang','|pipe','>gt','',' ','nul\u0000','new\nline','[x]','a, b','a:b','a#b'];
for (const v of AW) {
  const t = renderSidecar({ version: 1, review: 'r', textHash: 'x', annotations: [], mentions: [{ entity: 'e', kind: 'k', start: 0, end: 1, text: v }] });
  const b = findMentionsBlock(t); const r = readMentionLines(t, b);
  if (!('mentions' in r) || r.mentions[0].text !== v) console.log(JSON.stringify(v), '→', t.split('\n')[5], JSON.stringify(r));
}
