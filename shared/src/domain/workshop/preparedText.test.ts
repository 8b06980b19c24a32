import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { demoDefinition } from './demo.js';
import { WorkshopDefinition } from './model.js';
import { localizeState, PreparedTranslations, TranslationLimits, translatePrepared } from './preparedText.js';

function withOpeningPoll() {
  const w = new TestWorkshop();
  const f = w.facilitator();
  const d = w.run({ type: 'poll:import', payload: { preparedIds: ['opening-question'] } }, f);
  expect(d.ok).toBe(true);
  const pollId = w.state.polls.order[0]!;
  return { w, f, pollId };
}

describe('prepared texts in the viewer’s language', () => {
  it('shows a French participant the agenda, objectives and an imported poll in French, an English one in English', () => {
    const { w, pollId } = withOpeningPoll();
    const fr = localizeState(w.state, 'fr');
    expect(fr.definition.days[0]!.items[0]!.title).toBe('Allocutions d’ouverture');
    expect(fr.definition.objectives[0]!.short).toBe('Stratégie et politiques');
    expect(fr.polls.byId[pollId]!.question).toBe('Dans lequel des six objectifs votre pays souhaite-t-il le plus apprendre des autres ?');
    const options = fr.polls.byId[pollId]!.spec;
    expect('options' in options && options.options.map((o) => o.label)[4]).toBe('Protection et assistance aux victimes');
    // Ids and everything else stay: a ballot names option ids, never labels.
    expect('options' in options && options.options.map((o) => o.id)).toEqual(['strategy', 'legislation', 'capability', 'cooperation', 'protection', 'children']);
    expect(fr.polls.byId[pollId]!.settings).toEqual(w.state.polls.byId[pollId]!.settings);

    const en = localizeState(w.state, 'en');
    expect(en.definition.days[0]!.items[0]!.title).toBe('Opening remarks');
    expect(en.polls.byId[pollId]!.question).toBe(w.state.polls.byId[pollId]!.question);
    // The state itself is never changed, and the same state and language give the same object.
    expect(w.state.definition.days[0]!.items[0]!.title).toBe('Opening remarks');
    expect(localizeState(w.state, 'fr')).toBe(fr);
  });

  it('translates a round’s guiding questions, step messages and timer labels in Arabic', () => {
    const w = new TestWorkshop();
    const ar = localizeState(w.state, 'ar');
    const synergies = ar.definition.days[1]!.items.find((i) => i.id === 'd2-synergies')!;
    const step = synergies.steps![0]!;
    expect(step.kind === 'startRound' && step.plan!.questions[0]).toBe('ما التحدي الذي يتشاركه بلدكم مع بلد من المرحلة الأخرى؟');
    const opening = ar.definition.days[0]!.items[0]!.steps!;
    expect(opening.find((s) => s.kind === 'showMessage')).toMatchObject({ text: 'مرحبًا بكم في فيينا. للمشاركة، انضموا باستخدام الرمز الظاهر على الشاشة.' });
    expect(opening.find((s) => s.kind === 'startTimer')).toMatchObject({ label: 'أجيبوا عن السؤال الافتتاحي' });
  });

  it('shows what a facilitator typed as typed, in every language, once they edit a prepared text', () => {
    const { w, f, pollId } = withOpeningPoll();
    const poll = w.state.polls.byId[pollId]!;
    const question = 'Which objective matters most to your ministry?';
    const spec = poll.spec.kind === 'single' ? { ...poll.spec, options: poll.spec.options.map((o, i) => (i === 0 ? { ...o, label: 'Strategy' } : o)) } : poll.spec;
    expect(w.run({ type: 'poll:update', payload: { pollId, poll: { question, spec, settings: poll.settings } } }, f).ok).toBe(true);
    expect(w.run({ type: 'agenda:updateItem', payload: { itemId: 'd1-opening', patch: { title: 'Ouverture officielle' } } }, f).ok).toBe(true);

    for (const lang of ['fr', 'ar', 'ru'] as const) {
      const seen = localizeState(w.state, lang);
      expect(seen.polls.byId[pollId]!.question).toBe(question);
      expect(seen.definition.days[0]!.items[0]!.title).toBe('Ouverture officielle');
      const labels = 'options' in seen.polls.byId[pollId]!.spec ? seen.polls.byId[pollId]!.spec.options.map((o) => o.label) : [];
      // The edited option as typed; the options left alone keep their translations.
      expect(labels[0]).toBe('Strategy');
      expect(labels[1]).toBe(demoDefinition.translations!['Legislative review and harmonisation']![lang]);
    }
    // The edit keeps the table (the other prepared texts still translate).
    expect(w.state.definition.translations).toBe(demoDefinition.translations);
  });

  it('never translates a poll a facilitator writes, even with options that read like prepared texts', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const spec = { kind: 'single' as const, options: [{ id: 'a', label: 'Legislation' }, { id: 'b', label: 'Children' }] };
    const settings = { anonymous: true, results: 'live' as const, countBy: 'person' as const, segmentBy: 'none' as const };
    expect(w.run({ type: 'poll:create', payload: { poll: { question: 'Coffee break', spec, settings } } }, f).ok).toBe(true);
    const poll = localizeState(w.state, 'fr').polls.byId[w.state.polls.order[0]!]!;
    expect(poll.question).toBe('Coffee break');
    expect(poll.spec).toEqual(spec);
  });

  it('leaves a workshop without translations, and texts without an entry, as they are', () => {
    const { definition } = new TestWorkshop().state;
    const bare = new TestWorkshop('ws2', { ...definition, translations: undefined });
    expect(localizeState(bare.state, 'fr')).toBe(bare.state);
    expect(translatePrepared(definition, 'fr')('A note someone wrote')).toBe('A note someone wrote');
    expect(translatePrepared(definition, 'fr')('constructor')).toBe('constructor');
  });

  it('bounds the table on the wire', () => {
    expect(WorkshopDefinition.safeParse(demoDefinition).success).toBe(true);
    const tooMany = Object.fromEntries(Array.from({ length: TranslationLimits.texts + 1 }, (_, i) => [`text ${i}`, { fr: `texte ${i}` }]));
    expect(PreparedTranslations.safeParse(tooMany).success).toBe(false);
    const long = 'x'.repeat(TranslationLimits.textLength);
    const tooLong = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${i}${long}`.slice(0, TranslationLimits.textLength), { fr: long, ar: long }]));
    expect(PreparedTranslations.safeParse(tooLong).success).toBe(false);
    expect(PreparedTranslations.safeParse({ Hello: { xx: 'Hallo' } }).success).toBe(false);
    expect(PreparedTranslations.safeParse({ Hello: { fr: '' } }).success).toBe(false);
  });
});
