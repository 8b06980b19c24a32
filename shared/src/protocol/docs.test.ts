import { describe, expect, it } from 'vitest';
import { docName, parseDocName, type DocRef } from './docs.js';

describe('document names', () => {
  it('round-trips every kind', () => {
    const refs: DocRef[] = [
      { kind: 'notes', workshopId: 'w1' },
      { kind: 'board', workshopId: 'w1', boardId: 'b-2' },
      { kind: 'privateBoard', workshopId: 'w1', boardId: 'b-2', participantId: 'p_9' },
      { kind: 'privateOverview', workshopId: 'w1', boardId: 'b-2' },
      { kind: 'groupNotes', workshopId: 'w1', groupId: 'g_3' },
      { kind: 'groupAnswers', workshopId: 'w1', groupId: 'g_3' },
    ];
    for (const ref of refs) expect(parseDocName(docName(ref))).toEqual(ref);
  });

  it('rejects names outside the scheme', () => {
    for (const bad of ['', 'notes', 'w//notes', 'w/w1/../w2/notes', 'w/w1/notes/x', 'w/w1/board', 'w/w 1/notes', 'x/w1/notes', 'w/w1/group/g1/board', 'w/w1/group/g1/answers/x', 'w/w1/board/b/privates', 'w/w1/board/b/private/p/x', 'w/w1/board/b/secret/p']) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});
