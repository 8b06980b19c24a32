import { memo } from 'react';
import { Handle, NodeResizer, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ViewItem } from './BoardSession';
import { useT } from '../../i18n/useT';

export interface ItemNodeData extends Record<string, unknown> {
  item: ViewItem;
  /** What the item says (translated country names, template headings). */
  text: string;
  /** A second line: a country card's phase, a practice's country and objective. */
  detail: string;
  /** Others who have this item selected. */
  remote: { name: string; color: string }[];
  dots: { mine: number; total: number | null } | null;
  /** Messages in the item's comment thread. */
  comments: number;
  locked: boolean;
  /** Selected and editable by this person: show the resize handles. */
  resizable: boolean;
  /** A private item's tag (whose it is); none: "only you". */
  privateTag: string | null;
}

export type ItemNodeType = Node<ItemNodeData, 'item'>;

/** One item on the canvas: a note, a country or good-practice card, a lane or a frame. */
export const ItemNode = memo(function ItemNode({ data, selected }: NodeProps<ItemNodeType>) {
  const t = useT();
  const { item, text, detail, remote, dots, comments, locked, resizable, privateTag } = data;
  const area = item.kind === 'lane' || item.kind === 'frame';
  const style = remote.length > 0 ? { outlineColor: remote[0]!.color } : undefined;
  return (
    <>
    <NodeResizer isVisible={resizable} minWidth={40} minHeight={30} color="var(--brand)" />
    <div
      className={`board-item board-${item.kind} color-${item.color ?? 'default'}${selected ? ' selected' : ''}${remote.length ? ' remote-selected' : ''}${item.private ? ' private' : ''}`}
      style={style}
      data-testid={`board-item-${item.kind}`}
      data-item={item.id}
    >
      {area ? (
        <div className="board-handle">
          <span dir="auto" className="board-area-title">
            {text}
          </span>
          {locked && <span className="board-lock" aria-label={t('board.item.locked')} title={t('board.item.locked')} />}
        </div>
      ) : (
        <>
          {item.kind === 'practice' && (
            <p className="board-eyebrow" dir="auto">
              {t('board.kind.practice')}
            </p>
          )}
          <p className="board-text" dir="auto">
            {text}
          </p>
          {detail && (
            <p className="board-detail" dir="auto">
              {detail}
            </p>
          )}
          {dots && (
            <span className="board-dots" data-testid="board-dots" aria-label={dots.total === null ? t('board.vote.mineOnly', { count: dots.mine }) : t('board.vote.dotsOn', { total: dots.total, count: dots.mine })}>
              {dots.total === null ? `● ${dots.mine}` : `● ${dots.total}`}
            </span>
          )}
          {comments > 0 && (
            <span className="board-comments" data-testid="board-comments" aria-label={t('board.comments.count', { count: comments })}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M2 3h12v8H7l-3 3v-3H2z" fill="currentColor" />
              </svg>
              {comments}
            </span>
          )}
          {item.private && (
            <span className="board-private-tag" dir="auto">
              {privateTag ?? t('board.item.private')}
            </span>
          )}
        </>
      )}
      {remote.length > 0 && (
        <span className="board-remote-name" style={{ background: remote[0]!.color }} dir="auto">
          {remote.map((r) => r.name).join(', ')}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="board-handle-dot" />
      <Handle type="target" position={Position.Left} className="board-handle-dot" />
    </div>
    </>
  );
});
