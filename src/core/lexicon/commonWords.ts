// English function words. A one-word film title among them (Her, Up, Us, It, Them) is also an
// ordinary word, so the engine reads it as the film only when the words around it say so.
const COMMON = new Set(
  `a about above after again against all am an and any are as at be because been before being below
between both but by can did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until
up us very was we were what when where which while who whom why will with would you your yours yourself
yourselves`.split(/\s+/),
);

export function isCommonWord(word: string): boolean {
  return COMMON.has(word.toLowerCase());
}
