import { describe, expect, it } from 'vitest';
import { languageCodes, languageDir } from '../../protocol/languages.js';
import { demoDefinition } from './demo.js';
import { preparedTexts } from './preparedText.js';

const others = languageCodes.filter((l) => l !== 'en');
const table = demoDefinition.translations!;

describe('the demo’s prepared texts in every language', () => {
  const texts = preparedTexts(demoDefinition);

  it('finds the texts a participant reads: agenda, steps, objectives, polls and their options, guiding questions', () => {
    for (const text of [
      'Opening remarks',
      'Strategy & policy',
      'On which of the six objectives does your country most want to learn from others?',
      'Protection and assistance to victims',
      'Which challenge does your country share with a country of the other phase?',
      'Welcome to Vienna. Join with the code on the screen to take part.',
      'Coffee break',
      'Effort',
    ]) {
      expect(texts).toContain(text);
    }
    expect(texts.length).toBeGreaterThan(70);
  });

  it.each(others)('has every prepared text in %s, each its own translation', (lang) => {
    const missing = texts.filter((text) => !table[text]?.[lang]?.trim());
    expect(missing).toEqual([]);
    // A translation that is the English again is a forgotten one (names and labels that are the same, like "Impact" in French, are the exceptions).
    const same = texts.filter((text) => table[text]?.[lang] === text);
    expect(same.filter((s) => !['Effort', 'Impact'].includes(s))).toEqual([]);
  });

  it('translates nothing that is not in the demo (a stale entry means a text changed in demo.ts)', () => {
    expect(Object.keys(table).filter((k) => !texts.includes(k))).toEqual([]);
  });

  it('writes Arabic and Persian in their own scripts, with the programme’s name kept in Latin letters', () => {
    expect(languageDir('ar')).toBe('rtl');
    for (const lang of ['ar', 'fa'] as const) {
      for (const text of texts) {
        const tr = table[text]![lang]!;
        expect(tr, text).toMatch(lang === 'ar' ? /[\u0600-\u06FF]/ : /[\u0600-\u06FF\uFB50-\uFDFF]/);
        if (text.includes('GLO.ACT')) expect(tr, text).toContain('GLO.ACT');
      }
    }
  });

  it('uses the UN terms for trafficking in persons and the smuggling of migrants', () => {
    const subtitle = table[demoDefinition.subtitle!]!;
    expect(subtitle.fr).toContain('traite des personnes');
    expect(subtitle.fr).toContain('trafic illicite de migrants');
    expect(subtitle.es).toContain('Trata de Personas');
    expect(subtitle.es).toContain('Tráfico Ilícito de Migrantes');
    expect(subtitle.ru).toContain('торговлей людьми');
    expect(subtitle.ru).toContain('незаконным ввозом мигрантов');
    expect(subtitle.ar).toContain('الاتجار بالأشخاص');
    expect(subtitle.ar).toContain('تهريب المهاجرين');
    expect(subtitle.pt).toContain('Tráfico de Pessoas');
    expect(subtitle.pt).toContain('Contrabando de Migrantes');
    expect(subtitle.fa).toContain('قاچاق انسان');
    expect(subtitle.fa).toContain('قاچاق مهاجران');
  });
});
