// What the words around names say about them: "Character (Actor)", "Actor as Character",
// "played/voiced by", "directed/written/shot/scored/edited by", credit lines ("Starring: …",
// "Director: …"), role nouns ("composer Michael Abels"), family words ("his sister Emerald"),
// nicknames in quotes (Ricky "Jupe" Park), and bylines (the critic, never proposed).

import type { NameOccurrence } from './nameOccurrences';
import type { PreparedReview } from './reviewText';

export interface PlayedPair {
  character: NameOccurrence;
  actor: NameOccurrence;
  voice: boolean;
  how: string;
}

export interface RoleEvidence {
  person: NameOccurrence;
  role: string;
  how: string;
}

export interface NameEvidence {
  pairs: PlayedPair[];
  roles: RoleEvidence[];
  /** Occurrences that words around them mark as a character ("his sister Emerald"). */
  characterCues: NameOccurrence[];
  /** Full name → nickname: Ricky "Jupe" Park. */
  nicknames: Array<{ full: string; nickname: string; occurrence: NameOccurrence }>;
  /** Critics, hosts and publications named in bylines and front matter. */
  critics: Set<string>;
}

const ROLE_WORDS: Array<[RegExp, string]> = [
  [/^(?:co-?)?direct(?:ed|or|ors|ion)$|^dir\.?$/i, 'director'],
  [/^(?:co-?)?writ(?:ten|er|ers)$|^screenplay$|^story$|^screenwriter$|^adapted$/i, 'writer'],
  [/^shot$|^photographed$|^lensed$|^cinematography$|^cinematographer$|^photography$/i, 'cinematographer'],
  [/^scored$|^composed$|^music$|^score$|^composer$|^original music$/i, 'composer'],
  [/^edited$|^cut$|^editing$|^editor$|^film editing$/i, 'editor'],
  [/^(?:co-?)?produced$|^producers?$/i, 'producer'],
  [/^novel$|^book$|^based on the novel$|^based on the book$/i, 'author'],
];

export function roleOf(word: string): string | undefined {
  return ROLE_WORDS.find(([re]) => re.test(word.trim()))?.[1];
}

/** Labels that open a credit: "Starring:", "Director:", "Dir.", "Music by", "Cast:". */
const CREDIT_LABEL = /(?:^|(?<=[.·|•;]\s*)|(?<=\s[–—-]\s))\W{0,3}(voice cast|starring|cast|with|directed by|director|directors|dir\.|written by|writers?|screenplay(?: by)?|story(?: by)?|music(?: by)?|original music|score(?: by)?|composer|cinematography(?: by)?|cinematographer|director of photography|editing|film editing|edited by|editor|produced by|producers?)\s*:?\s+(?=\p{Lu})/giu;

const ROLE_BY = /\b(co-?directed|directed|co-?written|written|screenplay|story|shot|photographed|lensed|scored|composed|music|score|edited|cut|produced|cinematography|editing|novel|book)(?:\s*(?:,|and|&)\s*(directed|written|produced|co-?produced))?\s+by\s+$/i;
const PLAYED_BY = /^\s*(?:\(|,|—|–)?\s*(?:who\s+(?:is|was)\s+|is\s+|was\s+|and\s+)?(played|voiced|portrayed)\s+by\s+$/i;
const PLAYS = /^\s+(?:who\s+)?(?:plays|played|playing|portrays|portrayed|voices|voiced|as\s+the\s+voice\s+of)\s+(?:(?:[\p{Ll}'’-]+)\s+){0,3}$/u;
const ROLE_NOUN_BEFORE = /\b(director|filmmaker|writer-director|writer|screenwriter|composer|cinematographer|editor|producer|actor|actress|co-star|costar|star)\s+$/i;
/** A family title that is part of the name (Aunt Lucy, Uncle Vernon, Grandpa Joe): people in a story, not in the credits. */
const KINSHIP_TITLE = /^(?:Aunt|Auntie|Uncle|Grandma|Grandpa|Granny|Gran|Grandad|Granddad|Nana|Papa|Mama|Cousin)$/;
const CHARACTER_CUE_BEFORE = /\b(?:sister|brother|wife|husband|son|daughter|mother|father|dad|mom|mum|friend|girlfriend|boyfriend|neighbou?r|uncle|aunt|grandfather|grandmother|named|called|chimpanzee|chimp|bird|dog|alien|robot|clown|creature|heptapods?)\s+$/i;
const BYLINE = /^[\s*_#>]*(?:by|posted by|words by|review by|reviewed by|hosts?\s*:|hosted by)\s+/i;
const LIST_SEPARATOR = /^\s*(?:,|,?\s*and|&|\/|,\s*&)\s*$/;

export function collectEvidence(review: PreparedReview, occurrences: NameOccurrence[], evidence: NameEvidence): void {
  const { text } = review;
  const between = (a: NameOccurrence, b: NameOccurrence) => text.slice(a.end + (a.possessive ? 2 : 0), b.start);
  const lineOf = (o: NameOccurrence) => {
    const s = text.lastIndexOf('\n', o.start - 1) + 1;
    const e = text.indexOf('\n', o.start);
    return { start: s, end: e < 0 ? text.length : e };
  };

  // Bylines: the first lines of the body that say who wrote it.
  let seenLines = 0;
  for (const line of linesOf(text, review.bodyStart)) {
    if (!line.text.trim()) continue;
    if (++seenLines > 8) break;
    if (BYLINE.test(line.text)) for (const o of occurrences) if (o.start >= line.start && o.end <= line.end) evidence.critics.add(o.name);
  }
  for (const n of review.bylineNames) evidence.critics.add(n);

  // Credit lines: "Starring: A, B and C", "Director: D", "Cast: A (X / Y), B (Z)".
  const credited = new Set<NameOccurrence>();
  for (const line of linesOf(text, review.bodyStart)) {
    for (const m of line.text.matchAll(CREDIT_LABEL)) {
      const label = m[1].toLowerCase();
      const at = line.start + m.index! + m[0].length;
      const first = occurrences.findIndex((o) => o.start >= at && o.start <= at + 2);
      if (first < 0) continue;
      const cast = ['starring', 'cast', 'with', 'voice cast'].includes(label);
      const role = cast ? (label === 'voice cast' ? 'voice' : 'actor') : roleOf(label.replace(/\s*by$/, '').replace(/:$/, ''));
      let i = first;
      for (;;) {
        const o = occurrences[i];
        credited.add(o);
        if (role) evidence.roles.push({ person: o, role, how: 'credit line' });
        // "A (X / Y)": the characters A plays.
        let k = i + 1;
        const inParens = (prev: NameOccurrence, next: NameOccurrence, first: boolean) => (first ? /^\s*\(\s*$/ : /^\s*(?:\/|,|&|and)\s*$/).test(between(prev, next));
        if (cast && occurrences[k] && inParens(o, occurrences[k], true)) {
          let prev = o;
          let firstInside = true;
          while (occurrences[k] && inParens(prev, occurrences[k], firstInside) && occurrences[k].end <= line.end) {
            evidence.pairs.push({ character: occurrences[k], actor: o, voice: label === 'voice cast', how: 'cast list: Actor (Character)' });
            credited.add(occurrences[k]);
            prev = occurrences[k];
            firstInside = false;
            k++;
          }
          if (!/^\s*\)/.test(text.slice(prev.end, prev.end + 3))) break;
          const next = occurrences[k];
          if (!next || !/^\s*\)\s*(?:,|,?\s*and|&)\s*$/.test(text.slice(prev.end, next.start))) break;
          i = k;
          continue;
        }
        const next = occurrences[k];
        if (!next || next.start > line.end || !LIST_SEPARATOR.test(between(o, next))) break;
        i = k;
      }
    }
  }

  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    const next = occurrences[i + 1];
    const before = text.slice(Math.max(review.bodyStart, o.start - 80), o.start);

    // "directed by A, B and C"
    const by = ROLE_BY.exec(before);
    if (by) {
      const roles = [roleOf(by[1]), by[2] ? roleOf(by[2]) : undefined].filter((r): r is string => !!r);
      let k = i;
      for (;;) {
        for (const role of roles) evidence.roles.push({ person: occurrences[k], role, how: `${by[0].trim()} …` });
        const n = occurrences[k + 1];
        if (!n || !LIST_SEPARATOR.test(between(occurrences[k], n))) break;
        k++;
      }
    }
    // "composer Michael Abels", "his editor Kevin Nolting"
    const noun = ROLE_NOUN_BEFORE.exec(before);
    if (noun && !credited.has(o)) {
      const n = noun[1].toLowerCase();
      const role = ['actor', 'actress', 'star', 'co-star', 'costar'].includes(n) ? 'actor' : n === 'writer-director' ? 'director' : roleOf(n) ?? (n === 'filmmaker' ? 'director' : undefined);
      if (role) evidence.roles.push({ person: o, role, how: `“${noun[1]} ${o.name}”` });
    }
    if ((CHARACTER_CUE_BEFORE.test(before) || (o.words.length >= 2 && KINSHIP_TITLE.test(o.words[0]))) && !credited.has(o)) evidence.characterCues.push(o);

    if (!next) continue;
    const gap = between(o, next);
    // "Character (Actor)" in prose; a credit list was read above.
    if (/^\s*\(\s*$/.test(gap) && !credited.has(o) && /^\s*\)/.test(text.slice(next.end, next.end + 3))) {
      if (o.words.length >= 1 && lineOf(o).start === lineOf(next).start) evidence.pairs.push({ character: o, actor: next, voice: false, how: 'Character (Actor)' });
    } else if (/^\s*\(\s*$/.test(text.slice(Math.max(0, next.start - 2), next.start)) && !credited.has(next) && /^\s*\)/.test(text.slice(next.end, next.end + 3)) && /[\p{Ll}]\s*\(\s*$/u.test(text.slice(Math.max(0, next.start - 4), next.start))) {
      // "The blind date (Olivia Wilde)": an actor in a role with no name.
      evidence.roles.push({ person: next, role: 'actor', how: 'role (Actor)' });
    }
    // "Actor as Character", "Actor is wonderful as Character"
    if (/^ (?:(?:is|was) (?:(?:very|quite|so|just|terrific|wonderful|warm|superb|excellent|great|good|fine|perfect|heartbreaking|terrifying|funny|moving|chilling|marvellous|marvelous|touching|memorable|brilliant|astonishing|strong|solid|affecting|unforgettable|magnetic|riveting|remarkable|chilly|menacing) ){1,2})?as (?:(?:young|old|little|adult) )?$/i.test(gap) && o.words.length >= 2 && !next.quoted && !next.possessive) {
      // "Bob Peterson as Dug and Alpha"
      for (let k = i + 1; k < occurrences.length; k++) {
        evidence.pairs.push({ character: occurrences[k], actor: o, voice: false, how: 'Actor as Character' });
        const n = occurrences[k + 1];
        if (!n || !/^\s*(?:and|&)\s*$/.test(between(occurrences[k], n))) break;
      }
    }
    // "Actor plays (his sister) Character"
    if (PLAYS.test(gap) && o.words.length >= 2 && sameSentence(text, o, next) && !next.possessive) {
      const voice = /voice/.test(gap);
      evidence.pairs.push({ character: next, actor: o, voice, how: voice ? 'Actor voices Character' : 'Actor plays Character' });
    }
    // "Character, played by Actor", "Character is voiced by Actor"
    const played = PLAYED_BY.exec(gap);
    if (played) evidence.pairs.push({ character: o, actor: next, voice: played[1].toLowerCase() === 'voiced', how: `Character ${played[1].toLowerCase()} by Actor` });
    else if (/(?:played|voiced|portrayed)\s+by\s+$/i.test(text.slice(next.start - 20, next.start)) && !credited.has(next)) {
      evidence.roles.push({ person: next, role: /voiced/i.test(text.slice(next.start - 20, next.start)) ? 'voice' : 'actor', how: 'played by' });
    }
  }
  for (const o of occurrences) if (o.nickname) evidence.nicknames.push({ full: o.name, nickname: o.nickname, occurrence: o });
}

function sameSentence(text: string, a: NameOccurrence, b: NameOccurrence): boolean {
  return !/[.!?\n]/.test(text.slice(a.end, b.start));
}

function* linesOf(text: string, from: number): Generator<{ start: number; end: number; text: string }> {
  let s = from;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    yield { start: s, end: e, text: text.slice(s, e) };
    s = e + 1;
  }
}
