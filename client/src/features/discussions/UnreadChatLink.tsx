/**
 * Unread messages of a group's chat, and the link that takes one to the chat.
 * Apart from the chat itself, so a group room can show it without loading the
 * chat's code (the participant's first load stays small).
 */
import { spaceKey } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { outboxKey } from './outbox';
import { unreadCount, useSeen } from './unread';

export const chatAnchor = (groupId: string) => `chat-${groupId}`;

/** How many messages of a group's chat this person has not seen yet. */
export function useUnread(groupId: string): number {
  return useUnreadAndMentions(groupId).unread;
}

/** Unseen messages of a group's chat, and how many of them mention this person. */
function useUnreadAndMentions(groupId: string): { unread: number; mentions: number } {
  const view = useWorkshopView();
  const state = view.state!;
  const seen = useSeen();
  const messages = state.discussions.spaces[spaceKey({ kind: 'chat', groupId })]?.messages ?? [];
  const seenSeq = seen[outboxKey(state.id, { kind: 'chat', groupId })] ?? 0;
  return {
    unread: unreadCount(messages, seenSeq, view.me),
    mentions: messages.filter((m) => m.seq > seenSeq && !m.deleted && m.mentions.includes(view.me)).length,
  };
}

/** "3 new messages in the group chat": takes one to the chat. Nothing while all is read. */
export function UnreadChatLink({ groupId }: { groupId: string }) {
  const t = useT();
  const { unread: count, mentions } = useUnreadAndMentions(groupId);
  if (count === 0) return null;
  return (
    <p>
      <button
        type="button"
        className="small"
        data-testid="chat-unread"
        onClick={() => {
          const el = document.getElementById(chatAnchor(groupId));
          el?.scrollIntoView({ block: 'start' });
          el?.focus({ preventScroll: true });
        }}
      >
        {t('discussion.chat.unread', { count })}
        {mentions > 0 && ` · ${t('discussion.chat.mentioned', { count: mentions })}`}
      </button>
    </p>
  );
}
