/**
 * Screens a reply for phrases that blame the shopper or over-promise (SPEC §4). Pure and free of
 * server imports, because the agent console bundles it for its AER coach and the bot's tests run
 * every template through it.
 *
 * @example findAerProblems('Calm down, it is guaranteed tomorrow'); // → ['calm down', 'guaranteed']
 */
/**
 * Phrases that blame the shopper or promise what nobody can keep (SPEC §4), per language.
 * Matched as whole words, case- and accent-insensitively. "guarantee" alone is absent on
 * purpose: "money-back guarantee" is a real policy name, "I guarantee" is a promise.
 */
export const BLAME_OR_OVERPROMISE: readonly string[] = Object.freeze([
  // en: blame and dismissal
  'calm down', 'relax', 'not our problem', 'not my problem', 'not our fault', 'your fault', 'your own fault',
  'you should have', 'you should\'ve', 'you must have', 'you need to read', 'as I already said', 'nothing we can do',
  // en: over-promising
  'I guarantee', 'we guarantee', 'guaranteed', '100%', '100 percent', 'definitely tomorrow', 'definitely arrive',
  'will definitely', 'I promise', 'we promise', 'no doubt it will',
  // de, fr, es, pt, ja
  'beruhigen Sie sich', 'nicht unser Problem', 'Ihre Schuld', 'garantiert', 'ich garantiere',
  'calmez-vous', 'pas notre problème', 'votre faute', 'je vous garantis', 'c\'est garanti',
  'cálmese', 'tranquilícese', 'no es nuestro problema', 'culpa suya', 'le garantizo', 'garantizado',
  'acalme-se', 'não é problema nosso', 'não é nosso problema', 'culpa sua', 'eu garanto', 'garantido',
  '落ち着いてください', 'お客様の責任', '保証します', '必ず届きます',
  // more de, fr, es, pt, ja; zh (agents answer Chinese-speaking shoppers in Chinese)
  'Ihr Problem', 'selbst schuld', 'ich verspreche', 'wir versprechen', 'auf jeden Fall morgen',
  'je vous promets', 'c\'est votre faute', 'ce n\'est pas notre faute', 'sans aucun doute demain',
  'le prometo', 'es su culpa', 'no es nuestra culpa', 'tranquilícese ya', 'sin duda mañana',
  'eu prometo', 'a culpa é sua', 'não é culpa nossa', 'fique calmo', 'fica calmo', 'com certeza amanhã',
  'お客様のせい', '弊社の問題ではありません', '当社の責任ではありません', '絶対に届きます', 'お約束します',
  '冷静一下', '请冷静', '不是我们的问题', '不是我们的错', '是您自己的问题', '是你自己的问题', '是您的错', '你自己的错',
  '我保证', '我们保证', '保证明天', '一定会到', '肯定会到', '百分之百',
]);

/** Lower case, no accents, straight apostrophes, single spaces: how phrases and texts are compared. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

const WORD_EDGE = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const PHRASE_MATCHERS = BLAME_OR_OVERPROMISE.map((phrase) => {
  const folded = fold(phrase);
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // CJK has no spaces between words, so only Latin-script phrases need word edges.
  const before = WORD_EDGE.test(folded[0]!) && !CJK.test(folded[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
  const last = folded[folded.length - 1]!;
  const after = WORD_EDGE.test(last) && !CJK.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return { phrase, re: new RegExp(`${before}${escaped}${after}`, 'u') };
});

/**
 * The blame or over-promise phrases found in a text, as listed in `BLAME_OR_OVERPROMISE`.
 *
 * @example findAerProblems("That's not our fault, calm down") // → ['calm down', 'not our fault']
 */
export function findAerProblems(text: string): string[] {
  const folded = fold(text);
  return PHRASE_MATCHERS.filter(({ re }) => re.test(folded)).map(({ phrase }) => phrase);
}
