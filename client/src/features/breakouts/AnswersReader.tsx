/**
 * Reads a group's answers to the round's guiding questions once, as plain
 * text, for the rapporteur's findings ("draw on the answers"). Loaded only when
 * asked for: it brings Yjs, which the rest of a participant's home need not wait for.
 */
import { useEffect, useRef } from 'react';
import { answerPlainText, answersOf, docName, type GuidingQuestion } from '@plenary/shared';
import { useDoc } from '../../realtime/useDoc';
import { useWorkshopClient } from '../../realtime/WorkshopContext';

export default function AnswersReader({ workshopId, groupId, questions, onText }: { workshopId: string; groupId: string; questions: readonly GuidingQuestion[]; onText: (text: string) => void }) {
  const client = useWorkshopClient();
  const { conn, view } = useDoc(docName({ kind: 'groupAnswers', workshopId, groupId }), client.session.token, false);
  const done = useRef(false);
  useEffect(() => {
    if (!conn || !view.synced || done.current) return;
    done.current = true;
    const answers = answersOf(conn.doc, questions.map((q) => q.id));
    const text = questions
      .map((q) => {
        const answer = answerPlainText(answers[q.id] ?? []);
        return answer ? `${q.text}\n${answer}` : '';
      })
      .filter(Boolean)
      .join('\n\n');
    onText(text);
  }, [conn, view.synced, questions, onText]);
  return null;
}
