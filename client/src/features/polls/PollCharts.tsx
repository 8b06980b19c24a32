/**
 * Charts of poll results, drawn here (HTML bars and SVG, no chart library):
 * bars (single and multiple choice, points), ranked bars with each option's
 * distribution of places (ranking), stacked distributions with the mean
 * (rating scale), a scatter of average positions with their spread (2×2
 * matrix), a word cloud, and the approved open answers. Every figure is also
 * written as text, so the charts read aloud and print. Bars use logical
 * properties, so they grow from the right in right-to-left languages; the
 * matrix keeps its axes as drawn (low to high, left to right, bottom to top).
 */
import type { CSSProperties, ReactNode } from 'react';
import { pollOptions, type Poll, type PollSpec, type ResultBody } from '@plenary/shared';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';

export type ChartSize = 'normal' | 'large';

/** A number for people: at most one decimal, in the viewer's language. */
export function useNumber(): (n: number, digits?: number) => string {
  const { locale } = useLocale();
  return (n, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
}

function usePercent(): (share: number) => string {
  const { locale } = useLocale();
  return (share) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

const width = (fraction: number): CSSProperties => ({ inlineSize: `${Math.max(0, Math.min(1, fraction)) * 100}%` });

/** The chart for one body of results (the whole poll, or one segment). */
export function PollChart({ poll, body, size = 'normal' }: { poll: Poll; body: ResultBody; size?: ChartSize }) {
  const labels = new Map(pollOptions(poll.spec).map((o) => [o.id, o.label]));
  const label = (id: string) => labels.get(id) ?? id;
  switch (body.kind) {
    case 'choice':
      return <ChoiceBars body={body} label={label} size={size} />;
    case 'points':
      return <PointsBars body={body} label={label} size={size} />;
    case 'ranking':
      return <RankingBars body={body} label={label} size={size} />;
    case 'scale':
      return <ScaleBars body={body} label={label} size={size} spec={poll.spec} />;
    case 'matrix':
      return poll.spec.kind === 'matrix' ? <MatrixScatter body={body} label={label} spec={poll.spec} size={size} /> : null;
    case 'words':
      return <WordCloud body={body} size={size} />;
    case 'text':
      return <TextAnswers body={body} />;
  }
}

type Label = (id: string) => string;

function BarRow({ name, place, value, children }: { name: string; place?: number; value: string; children: ReactNode }) {
  return (
    <li className="poll-bar-row">
      <span className="poll-bar-label" dir="auto">
        {place !== undefined && <span className="poll-place">{place}</span>}
        {name}
      </span>
      <span className="poll-bar-track" aria-hidden="true">
        {children}
      </span>
      <span className="poll-bar-value">{value}</span>
    </li>
  );
}

function ChoiceBars({ body, label, size }: { body: Extract<ResultBody, { kind: 'choice' }>; label: Label; size: ChartSize }) {
  const t = useT();
  const percent = usePercent();
  return (
    <ol className={`poll-bars size-${size}`} data-testid="poll-chart" data-chart="bars">
      {body.options.map((o) => (
        <BarRow key={o.id} name={label(o.id)} value={`${percent(o.share)} · ${t('poll.result.votes', { count: o.count })}`}>
          <span className={`poll-bar-fill${o.place === 1 && o.count > 0 ? ' lead' : ''}`} style={width(o.share)} />
        </BarRow>
      ))}
    </ol>
  );
}

function PointsBars({ body, label, size }: { body: Extract<ResultBody, { kind: 'points' }>; label: Label; size: ChartSize }) {
  const t = useT();
  const percent = usePercent();
  const max = Math.max(1, ...body.options.map((o) => o.total));
  const sorted = [...body.options].sort((a, b) => a.place - b.place);
  return (
    <ol className={`poll-bars size-${size}`} data-testid="poll-chart" data-chart="points">
      {sorted.map((o) => (
        <BarRow key={o.id} name={label(o.id)} place={o.place} value={`${t('poll.result.points', { count: o.total })} · ${percent(o.share)}`}>
          <span className={`poll-bar-fill${o.place === 1 && o.total > 0 ? ' lead' : ''}`} style={width(o.total / max)} />
        </BarRow>
      ))}
    </ol>
  );
}

function RankingBars({ body, label, size }: { body: Extract<ResultBody, { kind: 'ranking' }>; label: Label; size: ChartSize }) {
  const t = useT();
  const n = body.options.length;
  const ballots = Math.max(1, ...body.options.map((o) => o.ranks.reduce((s, x) => s + x, 0)));
  const max = Math.max(1, ...body.options.map((o) => o.score));
  const sorted = [...body.options].sort((a, b) => a.place - b.place);
  return (
    <div className={`poll-ranking size-${size}`}>
      <ol className="poll-bars" data-testid="poll-chart" data-chart="ranking">
        {sorted.map((o) => (
          <li key={o.id} className="poll-bar-row poll-ranked" data-option={o.id}>
            <span className="poll-bar-label" dir="auto">
              <span className="poll-place">{o.place}</span>
              {label(o.id)}
            </span>
            <span className="poll-bar-track" aria-hidden="true">
              <span className={`poll-bar-fill${o.place === 1 && o.score > 0 ? ' lead' : ''}`} style={width(o.score / max)} />
            </span>
            <span className="poll-bar-value" data-testid="poll-score">
              {t('poll.result.points', { count: o.score })}
            </span>
            <span className="poll-stack" aria-hidden="true">
              {o.ranks.map((c, i) =>
                c > 0 ? <span key={i} className={`poll-seg pc-seq-${Math.round((i * 9) / Math.max(1, n - 1))}`} style={width(c / ballots)} /> : null,
              )}
            </span>
            <span className="visually-hidden">{o.ranks.map((c, i) => t('poll.result.rankCount', { count: i + 1, total: c })).join(', ')}</span>
          </li>
        ))}
      </ol>
      <ul className="poll-legend" aria-hidden="true">
        {Array.from({ length: n }, (_, i) => (
          <li key={i}>
            <span className={`poll-swatch pc-seq-${Math.round((i * 9) / Math.max(1, n - 1))}`} />
            {t('poll.result.rank', { count: i + 1 })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ScaleBars({ body, label, size, spec }: { body: Extract<ResultBody, { kind: 'scale' }>; label: Label; size: ChartSize; spec: PollSpec }) {
  const t = useT();
  const num = useNumber();
  const steps = body.max - body.min + 1;
  const ends = spec.kind === 'scale' ? spec : null;
  return (
    <div className={`poll-scale size-${size}`}>
      <ol className="poll-bars" data-testid="poll-chart" data-chart="scale">
        {body.options.map((o) => {
          const total = o.rated + o.skipped;
          return (
            <li key={o.id} className="poll-bar-row poll-ranked">
              <span className="poll-bar-label" dir="auto">
                {label(o.id)}
              </span>
              <span className="poll-stack tall" aria-hidden="true">
                {o.distribution.map((c, i) =>
                  c > 0 ? (
                    <span key={i} className={`poll-seg pc-div-${Math.round((i * 9) / Math.max(1, steps - 1))}`} style={width(c / Math.max(1, total))}>
                      {body.min + i}
                    </span>
                  ) : null,
                )}
                {o.skipped > 0 && <span className="poll-seg skip" style={width(o.skipped / Math.max(1, total))} />}
              </span>
              <span className="poll-bar-value">
                {o.mean === null ? '—' : t('poll.result.mean', { text: num(o.mean) })}
                {o.skipped > 0 && ` · ${t('poll.result.skipped', { count: o.skipped })}`}
              </span>
              <span className="visually-hidden">{o.distribution.map((c, i) => `${body.min + i}: ${c}`).join(', ')}</span>
            </li>
          );
        })}
      </ol>
      <ul className="poll-legend" aria-hidden="true">
        {Array.from({ length: steps }, (_, i) => (
          <li key={i}>
            <span className={`poll-swatch pc-div-${Math.round((i * 9) / Math.max(1, steps - 1))}`} />
            {body.min + i}
            {i === 0 && ends?.minLabel ? ` ${ends.minLabel}` : ''}
            {i === steps - 1 && ends?.maxLabel ? ` ${ends.maxLabel}` : ''}
          </li>
        ))}
        <li>
          <span className="poll-swatch skip" />
          {t('poll.scale.skip')}
        </li>
      </ul>
    </div>
  );
}

function MatrixScatter({
  body,
  label,
  spec,
  size,
}: {
  body: Extract<ResultBody, { kind: 'matrix' }>;
  label: Label;
  spec: Extract<PollSpec, { kind: 'matrix' }>;
  size: ChartSize;
}) {
  const t = useT();
  const num = useNumber();
  const pad = 48;
  const side = 400;
  const x = (v: number) => pad + (v / 100) * side;
  const y = (v: number) => pad + side - (v / 100) * side;
  const placed = body.options.map((o, i) => ({ ...o, n: o.n, index: i + 1 }));
  return (
    <figure className={`poll-matrix size-${size}`} data-testid="poll-chart" data-chart="matrix">
      {/* Axes are drawn low to high, left to right and bottom to top, in every language. */}
      <svg viewBox={`0 0 ${side + pad * 2} ${side + pad * 2}`} role="img" aria-label={`${spec.x.label} × ${spec.y.label}`} direction="ltr">
        <rect x={pad} y={pad} width={side} height={side} className="poll-matrix-frame" />
        <line x1={x(50)} y1={pad} x2={x(50)} y2={pad + side} className="poll-matrix-mid" />
        <line x1={pad} y1={y(50)} x2={pad + side} y2={y(50)} className="poll-matrix-mid" />
        <text x={pad} y={pad + side + 30} className="poll-matrix-end" textAnchor="start">
          {spec.x.low}
        </text>
        <text x={pad + side} y={pad + side + 30} className="poll-matrix-end" textAnchor="end">
          {spec.x.high}
        </text>
        <text x={x(50)} y={pad + side + 30} className="poll-matrix-axis" textAnchor="middle">
          {spec.x.label}
        </text>
        <text x={pad - 14} y={pad + side} className="poll-matrix-end" textAnchor="end" dominantBaseline="auto">
          {spec.y.low}
        </text>
        <text x={pad - 14} y={pad + 12} className="poll-matrix-end" textAnchor="end">
          {spec.y.high}
        </text>
        <text x={20} y={y(50)} className="poll-matrix-axis" textAnchor="middle" transform={`rotate(-90 20 ${y(50)})`}>
          {spec.y.label}
        </text>
        {placed.map((o) =>
          o.x === null || o.y === null ? null : (
            <g key={o.id} className={`poll-matrix-point pc-cat-${(o.index - 1) % 8}`}>
              <line x1={x(Math.max(0, o.x - (o.sdX ?? 0)))} x2={x(Math.min(100, o.x + (o.sdX ?? 0)))} y1={y(o.y)} y2={y(o.y)} className="poll-matrix-spread" />
              <line y1={y(Math.max(0, o.y - (o.sdY ?? 0)))} y2={y(Math.min(100, o.y + (o.sdY ?? 0)))} x1={x(o.x)} x2={x(o.x)} className="poll-matrix-spread" />
              <circle cx={x(o.x)} cy={y(o.y)} r={15} />
              <text x={x(o.x)} y={y(o.y)} textAnchor="middle" dominantBaseline="central" className="poll-matrix-num">
                {o.index}
              </text>
            </g>
          ),
        )}
      </svg>
      <figcaption>
        <ol className="poll-matrix-legend">
          {placed.map((o) => (
            <li key={o.id} className={`pc-cat-${(o.index - 1) % 8}`}>
              <span className="poll-matrix-key" aria-hidden="true">
                {o.index}
              </span>
              <span dir="auto">{label(o.id)}</span>
              <span className="muted">
                {o.x === null || o.y === null
                  ? t('poll.result.placedBy', { count: 0 })
                  : `${spec.x.label} ${num(o.x, 0)} ± ${num(o.sdX ?? 0, 0)} · ${spec.y.label} ${num(o.y, 0)} ± ${num(o.sdY ?? 0, 0)} · ${t('poll.result.placedBy', { count: o.n })}`}
              </span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}

/** Largest words in the middle: they are placed alternately after and before the ones already placed. */
function cloudOrder<T>(sorted: T[]): T[] {
  const out: T[] = [];
  sorted.forEach((w, i) => (i % 2 === 0 ? out.push(w) : out.unshift(w)));
  return out;
}

function WordCloud({ body, size }: { body: Extract<ResultBody, { kind: 'words' }>; size: ChartSize }) {
  const t = useT();
  const max = Math.max(1, ...body.words.map((w) => w.count));
  return (
    <ul className={`poll-cloud size-${size}`} data-testid="poll-chart" data-chart="words">
      {cloudOrder(body.words).map((w, i) => (
        <li
          key={w.word}
          className={`pc-cat-${i % 8}`}
          style={{ fontSize: `${0.9 + 2.1 * Math.sqrt(w.count / max)}em` }}
          aria-label={t('poll.result.wordCount', { text: w.word, count: w.count })}
          dir="auto"
        >
          {w.word}
        </li>
      ))}
    </ul>
  );
}

function TextAnswers({ body }: { body: Extract<ResultBody, { kind: 'text' }> }) {
  const t = useT();
  return (
    <div className="poll-answers" data-testid="poll-chart" data-chart="text">
      {body.answers.length === 0 ? (
        <p className="muted">{t('poll.result.noAnswers')}</p>
      ) : (
        <ul>
          {body.answers.map((a, i) => (
            <li key={`${a.at}-${i}`} dir="auto">
              {a.text}
            </li>
          ))}
        </ul>
      )}
      {body.pending > 0 && <p className="muted">{t('poll.result.pending', { count: body.pending })}</p>}
    </div>
  );
}
