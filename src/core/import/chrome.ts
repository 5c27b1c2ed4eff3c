// Site chrome, as data: the words and shapes of menus, share bars, notices, comment forms, footers,
// tag lists and breadcrumbs. Nothing here names a site or a film; docs/import.md explains each rule.

/** Why a line was dropped; also the `reason` in the import report. */
export type ChromeReason =
  | 'menu'
  | 'share bar'
  | 'cookie notice'
  | 'subscription notice'
  | 'donation appeal'
  | 'advertisement'
  | 'comment form'
  | 'comment controls'
  | 'footer'
  | 'tag list'
  | 'breadcrumb'
  | 'image caption'
  | 'empty byline'
  | 'button'
  | 'counter'
  | 'related link';

/** Single lines that are a site's navigation, whatever page they are on. */
const NAV_LINES = [
  'menu', 'close menu', 'open menu', 'main menu', 'toggle navigation', 'navigation', 'skip to content',
  'skip to main content', 'skip to navigation', 'search', 'search for:', 'sign in', 'log in', 'login', 'log out',
  'sign up', 'register', 'my account', 'back to top', 'top', 'home', 'previous post', 'next post',
  'previous article', 'next article', 'previous', 'next', 'primary menu', 'secondary menu', 'open search',
  'close search', 'search this site', 'go to homepage', 'sections', 'more',
];

/** Words of site sections: a run of three or more short lines made of them is a menu. */
export const NAV_WORDS = new Set([
  'home', 'news', 'reviews', 'review', 'movies', 'movie', 'film', 'films', 'features', 'feature', 'interviews',
  'podcast', 'podcasts', 'tv', 'television', 'music', 'books', 'festivals', 'festival', 'about', 'about us', 'contact',
  'contact us', 'subscribe', 'search', 'menu', 'login', 'log in', 'sign in', 'newsletter', 'newsletters', 'video',
  'videos', 'events', 'shop', 'store', 'opinion', 'culture', 'arts', 'art', 'lists', 'awards', 'streaming',
  'box office', 'trailers', 'blog', 'archive', 'archives', 'essays', 'columns', 'great movies', 'donate',
  'support us', 'games', 'sports', 'politics', 'world', 'business', 'tech', 'technology', 'science', 'health',
  'style', 'travel', 'food', 'lifestyle', 'entertainment', 'classics', 'new releases', 'coming soon',
  'in theaters', 'now playing', 'collections', 'series', 'shorts', 'documentaries', 'documentary', 'horror',
  'comedy', 'drama', 'sci-fi', 'animation', 'critics', 'contributors', 'staff', 'masthead', 'careers',
  'advertise', 'privacy', 'terms', 'faq', 'help', 'magazine', 'issues', 'print', 'digital', 'latest',
  'popular', 'trending', 'watch', 'listen', 'read', 'explore', 'discover', 'all reviews', 'film reviews',
  'movie reviews', 'tv reviews', 'ratings', 'top 10', 'best of', 'calendar', 'members', 'membership',
  'journal', 'create account', 'activity', 'diary', 'watchlist', 'profile', 'settings', 'notes', 'chat',
  'subscribe now', 'sign up', 'log out', 'sign out', 'your account', 'account', 'recent', 'about me', 'sport',
]);

const SHARE_WORDS = new Set([
  'share', 'share this', 'share this:', 'share on', 'tweet', 'facebook', 'twitter', 'x', 'pinterest', 'email',
  'e-mail', 'print', 'reddit', 'linkedin', 'whatsapp', 'tumblr', 'pocket', 'telegram', 'bluesky', 'threads',
  'mastodon', 'copy link', 'copy', 'link', 'share via', 'more', 'like this:', 'like', 'like loading...',
  'like loading…', 'loading...', 'loading…', 'save', 'comments', 'comment', 'flipboard', 'messenger', 'sms',
  'share article', 'share story', 'gift article', 'gift this article', 'share this article', 'share on facebook',
  'share on twitter', 'share on x', 'share on pinterest', 'share on linkedin', 'share on reddit', 'share via email',
  'share by email', 'email this', 'print this', 'print this page', 'pin it', 'pin', 'post', 'send', 'share:',
]);

/** Buttons of notices and forms: dropped wherever they stand alone on a line. */
const BUTTON_LINES = new Set([
  'accept', 'accept all', 'accept all cookies', 'accept cookies', 'reject all', 'reject', 'decline',
  'manage preferences', 'manage cookies', 'cookie settings', 'cookie preferences', 'customize', 'customise',
  'ok', 'okay', 'got it', 'got it!', 'i agree', 'agree', 'dismiss', 'close', '×', '✕', 'x', 'continue',
  'submit', 'post comment', 'load more', 'load more comments', 'show more', 'show comments', 'view comments',
  'read more', 'read more »', 'continue reading', 'continue reading →', 'see more', 'view all', 'see all',
  'advertisement', 'advertisements', 'sponsored', 'sponsored content', 'ad', 'report this ad', 'report ad',
  'play', 'pause', 'mute', 'unmute', 'watch trailer', 'watch the trailer', 'buy tickets', 'get tickets',
]);

const COMMENT_FORM = [
  /^leave a (?:reply|comment)\b/i,
  /^cancel reply$/i,
  /^(?:post|submit|add) (?:a )?comment\b/i,
  /^your email address will not be published/i,
  /^required fields are marked/i,
  /^(?:name|e-?mail|website|comment)\s*(?:\*|:|\(required\))\s*$/i,
  /^save my name, email,? and website/i,
  /^notify me of (?:new|follow-up) (?:comments|posts)/i,
  /^fill in your details below/i,
  /^you are commenting using your .* account/i,
  /^(?:wordpress\.com|twitter|facebook|google) (?:logo|picture|photo|account)$/i,
  /^connecting to %s$/i,
  /^you must be logged in to post a comment/i,
  /^log in to (?:reply|comment|leave a comment)/i,
  /^this site uses akismet/i,
  /^comments are closed/i,
  /^(?:join|start) the (?:discussion|conversation)/i,
  /^(?:be the first to comment|no comments yet)/i,
  /^sign in to comment/i,
  /^(?:write|add|leave|post) (?:your|a) comment/i,
  /^(?:Δ|δ)$/,
];

const COOKIE = [
  /\b(?:we|this (?:web)?site|our (?:web)?site|our partners)\b.*\buses? cookies\b/i,
  /\bcookies?\b.*\b(?:consent|accept|preferences|personali[sz]e|analytics|browsing experience)\b/i,
  /\bby (?:continuing|clicking|using)\b.*\b(?:cookies|this (?:web)?site)\b/i,
  /^cookie (?:policy|notice|settings)$/i,
];

const SUBSCRIBE = [
  /\bsubscribe (?:now|today|here|for free)\b/i,
  /^thanks for reading\b.{0,120}\b(?:subscribe|support)\b/i,
  /^subscribed$/i,
  /\bsubscribe (?:to|for) (?:our|the|my|this) (?:[\w’'-]+ ){0,2}(?:newsletter|channel|podcast|feed|site|blog|updates|mailing list|list|magazine|emails?)\b/i,
  /\b(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|emails?|updates|daily|weekly)\b/i,
  /\bnewsletter\b.*\b(?:sign up|subscribe|delivered|inbox|weekly|daily)\b/i,
  /\bdelivered (?:straight )?to your inbox\b/i,
  /^enter your email(?: address)?\b/i,
  /^already (?:a subscriber|have an account)\??/i,
  /^(?:get|unlock) (?:unlimited|full) access\b/i,
  /^you(?:'|’)ve (?:read|reached) (?:your|\d+) (?:free )?(?:articles?|limit)/i,
  /^(?:subscribe|subscribers only|become a subscriber|start your free trial)\b.{0,40}$/i,
  /\bfree articles? (?:left|remaining)\b/i,
];

const DONATION = [
  /\breader-supported\b/i,
  /\btax-deductible\b/i,
  /\bwithout a paywall\b/i,
  /\b(?:your|a|make a) (?:\w+ )?donation\b/i,
  /^(?:donate|donate now|support us|support our work|become a (?:member|patron|supporter))\b/i,
  /\bsupport (?:our|my|independent) (?:work|journalism|criticism|mission|writers|writing)\b/i,
  /\bbecome a (?:patron|member|supporter)\b/i,
  /\bon patreon\b/i,
];

const FOOTER = [
  /^(?:©|\(c\)|copyright\b)/i,
  /©\s*(?:19|20)\d{2}/,
  /\ball rights reserved\b/i,
  /^(?:privacy policy|terms of (?:use|service)|terms and conditions|cookie policy|accessibility|sitemap|site map|contact us|about us|advertise with us|do not sell my (?:personal )?info.*)$/i,
  /^powered by (?:wordpress|ghost|squarespace|blogger|substack|wix)\b/i,
  /^(?:proudly )?powered by\b.{0,40}$/i,
  /^theme(?: by|:)\b.{0,60}$/i,
  /^blog at wordpress\.com\.?$/i,
];

const TAGS = /^(?:tags?|tagged(?: with| as)?|filed under|categories|category|topics?|keywords|posted in|labels?)\s*[:：]?\s+\S/i;
const TAGS_ALONE = /^(?:tags?|tagged|filed under|categories|topics|keywords|labels)\s*[:：]?$/i;
const CAPTION = [
  /^(?:still|photo|image|picture|screenshot|poster|frame|a scene|scene) (?:from|of|courtesy)\b/i,
  /^(?:photo|image|photograph|picture|credit|source|illustration|poster)s?\s*(?:credit)?\s*[:：]/i,
  /\b(?:courtesy of|getty images|shutterstock|ap photo|reuters|photo by|photograph by|image via)\b/i,
];

const BREADCRUMB_SEP = /\s*(?:›|»|>|\/|→|\\|::)\s*/;

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A line made only of share words ("Share Tweet Facebook Email", "Share this: Twitter Facebook"). */
function isShareBar(line: string): boolean {
  const t = norm(line).replace(/\(opens in new window\)/g, '').replace(/[|•·,/]+/g, ' ').trim();
  if (!t) return false;
  if (SHARE_WORDS.has(t)) return true;
  if (/^(?:click to )?(?:share|email|print|tweet|pin)\b.*\b(?:on|to|via|this)\b.{0,30}$/.test(t) && words(t).length <= 8) return true;
  const ws = words(t);
  if (ws.length > 12) return false;
  // Multi-word share items ("Copy link") are checked pairwise.
  let i = 0;
  let hits = 0;
  while (i < ws.length) {
    if (i + 1 < ws.length && SHARE_WORDS.has(`${ws[i]} ${ws[i + 1]}`)) {
      i += 2;
      hits++;
    } else if (SHARE_WORDS.has(ws[i]) || /^\d+$/.test(ws[i])) {
      i++;
      hits++;
    } else return false;
  }
  // WordPress's "Like this: Like Loading…" is a like button, not prose, though it names no network.
  return hits >= 1 && (ws.some((w) => w.startsWith('share') || w === 'tweet' || w === 'facebook' || w === 'twitter' || w === 'email' || w === 'pinterest' || w === 'reddit' || w === 'whatsapp' || w === 'linkedin') || /\blike (?:this:|loading)/.test(t));
}

/**
 * A nav line: one of NAV_LINES ("Search…" too), or several section words on one line ("Home |
 * Reviews | News", "MENU   NEWS   SPORT"), possibly after the site's name ("The Long Take — Home |
 * Reviews | About").
 */
function isNavLine(line: string): boolean {
  const t = norm(line);
  if (NAV_LINES.includes(t.replace(/\s*(?:…|\.\.\.)$/, ''))) return true;
  // Split before spaces are folded: two or more spaces separate items as a bar does.
  const parts = line.replace(/\u00a0/g, ' ').trim().toLowerCase().split(/\s*(?:\||•|·)\s*|\s{2,}/).map(norm).filter(Boolean);
  const site = parts.length >= 4 ? /^(.{1,40}?)\s+[—–-]\s+(.+)$/.exec(parts[0]) : null;
  if (site && words(site[1]).length <= 5) parts[0] = site[2];
  return parts.length >= 3 && parts.every((p) => NAV_WORDS.has(p));
}

/** Counters joined on one line: "Liked by 48 people · 3 comments", "1.2K views | 12 comments". */
const COUNTER_PART = /^(?:liked by [\d,]+ (?:people|others|members|readers)|[\d,.]+[kKmM]?\s+(?:likes?|restacks?|shares?|retweets?|reposts?|hearts?|claps?|views?|reads?|comments?|replies|people like this))$/i;

/** A link to another article set on a line of its own: "Related: …", "Read more: …", "See also: …". */
const RELATED_LINK = /^(?:related|related (?:post|article|story|review|reading)|read (?:more|next|also)|also read|see also|more|watch|listen)\s*[:：]\s+\S/i;

/** "Home › Reviews › Arrival", "Home / Movies / Reviews". */
function isBreadcrumb(line: string): boolean {
  const parts = line.trim().split(BREADCRUMB_SEP);
  if (parts.length < 2 || parts.some((p) => p.length === 0 || words(p).length > 8)) return false;
  if (!/(?:›|»|>|→|::)/.test(line) && !/^home\s*\//i.test(line.trim())) return false;
  return NAV_WORDS.has(norm(parts[0])) || parts.length >= 3;
}

/** Classifies one line, out of context. Prose lines return undefined. */
export function chromeLine(line: string): ChromeReason | undefined {
  const t = line.replace(/\u00a0/g, ' ').trim();
  if (!t) return undefined;
  const lower = norm(t);
  const n = words(t).length;
  if (COMMENT_FORM.some((re) => re.test(t))) return 'comment form';
  if (/^(?:reply|reply ↓|report|report comment|flag|permalink|edit|like|like review|like this|likes?: ?\d+|log in to reply|upvote|downvote)$/i.test(t)) return 'comment controls';
  if (/^[\d\s.,·•|/:+\-–—]*$/.test(t) && t.length <= 12) return 'counter';
  if (n <= 16 && t.split(/\s*[·•|]\s*/).every((part) => COUNTER_PART.test(part))) return 'counter';
  if (/^(?:rent|buy|watch|stream)(?: or (?:rent|buy|watch|stream))? (?:it )?(?:on|at|now|from)\b.{0,40}$/i.test(t)) return 'advertisement';
  if (BUTTON_LINES.has(lower)) return lower.includes('advert') || lower.includes('sponsor') || lower.startsWith('report') || lower === 'ad' ? 'advertisement' : 'button';
  if (isShareBar(t)) return 'share bar';
  if (isNavLine(t)) return 'menu';
  if (n <= 40 && COOKIE.some((re) => re.test(t))) return 'cookie notice';
  if (n <= 40 && SUBSCRIBE.some((re) => re.test(t))) return 'subscription notice';
  if (n <= 60 && DONATION.some((re) => re.test(t))) return 'donation appeal';
  if (n <= 25 && FOOTER.some((re) => re.test(t))) return 'footer';
  if (n <= 40 && (TAGS.test(t) || TAGS_ALONE.test(t))) return 'tag list';
  if (n <= 14 && isBreadcrumb(t)) return 'breadcrumb';
  if (n <= 16 && CAPTION.some((re) => re.test(t))) return 'image caption';
  if (n <= 16 && RELATED_LINK.test(t) && !/[.!?]["”’]?$/.test(t)) return 'related link';
  if (/^(?:written|reviewed|words|posted)?\s*by\s*[:：]$/i.test(t)) return 'empty byline';
  return undefined;
}

/** Is this line a section word of a site menu (for runs of short nav lines)? */
export function isNavWordLine(line: string): boolean {
  return NAV_WORDS.has(norm(line)) || NAV_LINES.includes(norm(line));
}

/** Headings that start the end of an article: what follows is not the critic's text. */
export const TAIL_MARKERS: Array<{ re: RegExp; reason: string }> = [
  { re: /^(?:\d+\s+)?(?:responses?|comments?|replies|thoughts|reactions?)(?:\s*\(\d+\))?(?:\s+(?:to|on)\b.*)?:?$/i, reason: 'reader comments' },
  { re: /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:responses?|comments?|replies|thoughts)\b.{0,80}$/i, reason: 'reader comments' },
  { re: /^(?:discussion|conversation|reader comments|what (?:readers|people) are saying|discussion about this (?:post|article|review|story))$/i, reason: 'reader comments' },
  { re: /^(?:related(?:\s+(?:posts?|articles?|stories|reviews|reading|content|links))?|you (?:may|might) also (?:like|enjoy)|more (?:from|on|in|like this|reviews|stories)\b.{0,40}|recommended(?: for you| reading)?|read (?:next|more|this next)|further reading|popular(?: now| posts| stories)?|trending(?: now)?|most (?:read|popular|viewed)|also on .{1,40}|elsewhere on .{1,40}|(?:\S+\s+){0,3}(?:staff )?recommendations|don(?:'|’)t miss|keep reading|latest (?:reviews|posts|stories|news)|similar (?:posts|reviews|films))\s*:?$/i, reason: 'related posts' },
  { re: /^(?:about the (?:author|writer|critic|reviewer)|(?:\S+\s+){0,3}contributor|author bio|more by this author|(?:\S+\s+){0,3}(?:contributors?|staff writer))$/i, reason: 'contributor box' },
];

export function tailMarker(line: string): string | undefined {
  const t = line.replace(/\u00a0/g, ' ').trim();
  if (words(t).length > 14) return undefined;
  return TAIL_MARKERS.find((m) => m.re.test(t))?.reason;
}
