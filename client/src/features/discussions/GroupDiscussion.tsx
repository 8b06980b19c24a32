import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { answerFragmentName, docAccess, docName, type Group, type Round, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useDoc } from '../../realtime/useDoc';
import type { DocConnection } from '../../realtime/DocConnection';
import { ChatPanel } from './ChatPanel';
import './discussions.css';

const AnswerEditor = lazy(() => import('./AnswerEditor'));

/** Shows `fallback` instead of a child that failed (the editor's code could not be loaded: offline, or a new version was deployed). */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const palette = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];
/** A stable colour per person for their caret. */
export function cursorColor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length]!;
}

/**
 * A group's discussion: the round's guiding questions in order, each with the
 * group's co-edited answer, and the group's chat. For the group's members
 * (and facilitators, who read every group's and write while the round runs).
 */
export function GroupDiscussion({ state, me, token, round, group }: { state: WorkshopState; me: string; token: string; round: Round; group: Group }) {
  const t = useT();
  return (
    <div className="group-discussion" data-testid="group-discussion">
      <GuidingAnswers state={state} me={me} token={token} round={round} group={group} />
      <ChatPanel space={{ kind: 'chat', groupId: group.id }} title={t('discussion.chat.title')} />
    </div>
  );
}

/** The guiding questions of a round, each with the group's answer. */
export function GuidingAnswers({ state, me, token, round, group, title }: { state: WorkshopState; me: string; token: string; round: Round; group: Group; title?: string }) {
  const t = useT();
  const questions = state.discussions.questions[round.id] ?? [];
  const ref = { kind: 'groupAnswers', workshopId: state.id, groupId: group.id } as const;
  const access = docAccess(state, ref, me);
  const canWrite = access.read && access.write;
  return (
    <section className="card guiding-questions" aria-labelledby={`gq-${group.id}`} data-testid="guiding-questions">
      <h3 id={`gq-${group.id}`}>{title ?? t('discussion.questions.title')}</h3>
      {questions.length === 0 ? (
        <p className="muted">{t('discussion.questions.none')}</p>
      ) : access.read ? (
        <AnswersDoc name={docName(ref)} token={token} canWrite={canWrite} me={state.participants[me]?.name ?? ''} meId={me}>
          {(conn, editable) => (
            <ol className="gq-list">
              {questions.map((q, i) => (
                <li key={q.id} className="gq-item" data-testid="guiding-question">
                  <p className="gq-text" dir="auto" data-testid="question-text">
                    {q.text}
                  </p>
                  <EditorBoundary
                    fallback={
                      <p className="field-error" role="alert">
                        {t('discussion.answer.loadFailed')}
                      </p>
                    }
                  >
                    <Suspense fallback={<p className="muted">{t('discussion.answer.loading')}</p>}>
                      <AnswerEditor
                        fragment={conn.doc.getXmlFragment(answerFragmentName(q.id))}
                        awareness={conn.provider.awareness}
                        editable={editable}
                        label={t('discussion.answer.label', { n: i + 1 })}
                        labels={{
                          toolbar: t('discussion.toolbar.label'),
                          bold: t('discussion.toolbar.bold'),
                          italic: t('discussion.toolbar.italic'),
                          heading: t('discussion.toolbar.heading'),
                          bullets: t('discussion.toolbar.bullets'),
                          numbers: t('discussion.toolbar.numbers'),
                        }}
                        testId="answer"
                      />
                    </Suspense>
                  </EditorBoundary>
                </li>
              ))}
            </ol>
          )}
        </AnswersDoc>
      ) : null}
    </section>
  );
}

function AnswersDoc({
  name,
  token,
  canWrite,
  me,
  meId,
  children,
}: {
  name: string;
  token: string;
  canWrite: boolean;
  me: string;
  meId: string;
  children: (conn: DocConnection, editable: boolean) => ReactNode;
}) {
  const t = useT();
  const { conn, view } = useDoc(name, token, canWrite);
  useEffect(() => {
    if (!conn) return;
    const awareness = conn.provider.awareness;
    awareness.setLocalStateField('user', { name: me, color: cursorColor(meId) });
    return () => awareness.setLocalState(null);
  }, [conn, me, meId]);
  if (!conn) return null;
  const editable = canWrite && !view.readOnly;
  return (
    <>
      {!editable && <p className="muted">{t('discussion.answer.readOnly')}</p>}
      {view.refused && (
        <p className="field-error" role="alert">
          {t('discussion.answer.refused')}
        </p>
      )}
      {children(conn, editable)}
    </>
  );
}
