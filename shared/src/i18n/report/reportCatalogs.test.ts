/**
 * The report's catalogs label every value of every enum they print, in every
 * language: a value added to an enum without a label fails here (and the
 * English catalog's type fails to compile). That each message parses and
 * keeps its arguments is checked where a parser is (server/test/reportCatalogs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { languageCodes } from '../../protocol/languages.js';
import { AgendaItemKind, stepKinds, WorkshopSettings } from '../../domain/workshop/model.js';
import { PollKind } from '../../domain/polls/model.js';
import { InputSource, inputStatuses, priorities } from '../../domain/outcomes/model.js';
import { ItemTag } from '../../domain/boards/boardDoc.js';
import { reportCatalogs } from './index.js';

const enums: Record<string, readonly string[]> = {
  kind: AgendaItemKind.options,
  step: stepKinds,
  pollKind: PollKind.options,
  // A type, not a list, in the report's model: the English catalog's type holds it to every value.
  unit: ['votes', 'borda', 'points', 'mean', 'words', 'none'],
  status: inputStatuses,
  priority: priorities,
  source: InputSource.options.map((o) => o.shape.kind.value),
  attribution: WorkshopSettings.shape.attribution.options,
  namesWithheld: WorkshopSettings.shape.attribution.options.filter((a) => a !== 'named'),
  boardTag: ItemTag.options,
};

describe('report catalogs', () => {
  it('exist for every interface language, with exactly the English keys', () => {
    expect(Object.keys(reportCatalogs).sort()).toEqual([...languageCodes].sort());
    for (const code of languageCodes) expect(Object.keys(reportCatalogs[code]).sort(), code).toEqual(Object.keys(reportCatalogs.en).sort());
  });

  it('label every value of the enums the report prints, in every language', () => {
    const missing = languageCodes.flatMap((code) =>
      Object.entries(enums).flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`).filter((key) => !(key in reportCatalogs[code])).map((key) => `${code} ${key}`)),
    );
    expect(missing).toEqual([]);
  });

  it('say something in every language where English does', () => {
    const empty = languageCodes.flatMap((code) =>
      Object.entries(reportCatalogs[code])
        .filter(([key, text]) => text.trim() === '' && reportCatalogs.en[key as keyof typeof reportCatalogs.en] !== '')
        .map(([key]) => `${code} ${key}`),
    );
    expect(empty).toEqual([]);
  });
});
