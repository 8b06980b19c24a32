/**
 * Word-cloud words are counted in a normal form, so "Trust", " trust " and
 * "TRUST!" are one word: Unicode NFKC, lower case, inner spaces collapsed,
 * punctuation and symbols at either end removed, Arabic tatweel removed.
 */
const edgePunctuation = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/** The normal form a word is counted under ('' when nothing is left). */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/\u0640/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(edgePunctuation, '');
}
