import { useRef } from 'react';
import type { BoardItem, BoardTemplate, DotVote } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { ViewItem } from './BoardSession';
import type { BoardWords } from './useItemWords';
import { boardJson, canvasMeasure, download, drawBoard, fileName, toPng, toSvg } from './exportBoard';

/** Export this board as a picture (SVG, PNG) or as data (JSON). */
export function ExportMenu({
  title,
  template,
  items,
  vote,
  describe,
}: {
  title: string;
  template: BoardTemplate;
  items: ReadonlyMap<string, ViewItem>;
  vote: DotVote | null;
  words: BoardWords;
  describe: (item: BoardItem) => { text: string; detail: string };
}) {
  const t = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  const tally = vote && Object.keys(vote.tally).length > 0 ? vote.tally : null;
  const drawing = () => drawBoard([...items.values()], describe, canvasMeasure(), tally);
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details className="board-export" ref={menu}>
      <summary>{t('board.export')}</summary>
      <div className="board-export-menu">
        <button
          type="button"
          onClick={() => {
            const { ops, bounds } = drawing();
            download(fileName(title, 'svg'), new Blob([toSvg(ops, bounds, title)], { type: 'image/svg+xml' }));
            close();
          }}
        >
          {t('board.export.svg')}
        </button>
        <button
          type="button"
          onClick={() => {
            const { ops, bounds } = drawing();
            void toPng(ops, bounds).then((png) => download(fileName(title, 'png'), png));
            close();
          }}
        >
          {t('board.export.png')}
        </button>
        <button
          type="button"
          onClick={() => {
            const data = boardJson(title, template, items.values(), vote, new Date());
            download(fileName(title, 'json'), new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
            close();
          }}
        >
          {t('board.export.json')}
        </button>
      </div>
    </details>
  );
}
