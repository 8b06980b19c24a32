import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps } from '@xyflow/react';
import type { ConnectorKind } from '@plenary/shared';
import { borderPoint } from './boardView';

export interface ConnectorEdgeData extends Record<string, unknown> {
  label: string;
  link: ConnectorKind;
  remote: { name: string; color: string } | null;
}

export type ConnectorEdgeType = Edge<ConnectorEdgeData, 'connector'>;

/** A connector drawn from border to border of the two items, straight, with its label in the middle. */
export const ConnectorEdge = memo(function ConnectorEdge({ id, source, target, data, selected }: EdgeProps<ConnectorEdgeType>) {
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  if (!a || !b || !data) return null;
  const ra = rectOf(a);
  const rb = rectOf(b);
  const p = borderPoint(ra, rb);
  const q = borderPoint(rb, ra);
  const path = `M ${p.x},${p.y} L ${q.x},${q.y}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`board-connector link-${data.link}${selected ? ' selected' : ''}`}
        markerEnd={data.link === 'route' ? 'url(#board-arrow)' : undefined}
        interactionWidth={16}
      />
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className={`board-connector-label link-${data.link}${selected ? ' selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${(p.x + q.x) / 2}px, ${(p.y + q.y) / 2}px)` }}
            dir="auto"
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

function rectOf(node: NonNullable<ReturnType<typeof useInternalNode>>) {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, w: node.measured.width ?? node.width ?? 0, h: node.measured.height ?? node.height ?? 0 };
}
