import { Link } from 'wouter';
import type { MessageKey } from '../i18n/messages/en';
import { useT } from '../i18n/useT';
import { Layout, Notice } from './Layout';
import { LanguagePicker } from './LanguagePicker';

/** Who a route was opened for, when this device holds no session for it. */
export type NoSessionKind = 'participant' | 'projector' | 'facilitatorLink';

const texts: Record<NoSessionKind, { title: MessageKey; body: MessageKey; link: MessageKey; languagePicker: boolean }> = {
  participant: { title: 'session.none.title', body: 'session.none.body', link: 'session.joinAgain', languagePicker: true },
  // The projector's screen is read from afar, in the language its facilitator chose.
  projector: { title: 'projector.none.title', body: 'projector.none.body', link: 'notFound.home', languagePicker: false },
  facilitatorLink: { title: 'facilitator.noKey.title', body: 'facilitator.noKey.body', link: 'facilitator.noKey.join', languagePicker: true },
};

/**
 * The screen a workshop route shows instead of itself when this device has not
 * joined (a participant's or board link, a projector screen, a facilitator link
 * without its key): why, and the way to the join page.
 */
export function NoSession({ kind }: { kind: NoSessionKind }) {
  const t = useT();
  const text = texts[kind];
  return (
    <Layout actions={text.languagePicker ? <LanguagePicker /> : undefined}>
      <Notice title={t(text.title)}>
        <p>{t(text.body)}</p>
        <p>
          <Link href="/">{t(text.link)}</Link>
        </p>
      </Notice>
    </Layout>
  );
}
