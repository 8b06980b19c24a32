import { Fragment } from 'react';
import { useT } from '../../i18n/useT';
import { boardActions, keyCaption } from './actions/boardActions';

/** The shortcut bar: every action that has a key, from the registry, and how to move between items. */
export function BoardKeys() {
  const t = useT();
  return (
    <p className="board-keys muted">
      {t('board.keys.title')}:{' '}
      {boardActions
        .filter((a) => a.keys && a.keyTest)
        .map((a) => (
          <Fragment key={a.name}>
            <kbd>{keyCaption(a.keys!, t)}</kbd> {t(a.label)} ·{' '}
          </Fragment>
        ))}
      {t('board.keys.navigate')}
    </p>
  );
}
