import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../i18n/messages/en';
import { NoSession, type NoSessionKind } from './NoSession';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function render(kind: NoSessionKind): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    createRoot(host).render(
      <IntlProvider locale="en" messages={en}>
        <NoSession kind={kind} />
      </IntlProvider>,
    );
  });
  return host;
}

afterEach(() => document.body.replaceChildren());

describe('the screen of a route this device has not joined', () => {
  it.each([
    ['participant', 'session.none.title', 'session.none.body', 'session.joinAgain', true],
    ['projector', 'projector.none.title', 'projector.none.body', 'notFound.home', false],
    ['facilitatorLink', 'facilitator.noKey.title', 'facilitator.noKey.body', 'facilitator.noKey.join', true],
  ] as const)('for a %s says why and links to the join page', async (kind, title, body, link, picker) => {
    const host = await render(kind);
    expect(host.querySelector('h1')?.textContent).toBe(en[title]);
    expect(host.textContent).toContain(en[body]);
    const a = [...host.querySelectorAll('main a')].find((el) => el.textContent === en[link]);
    expect(a?.getAttribute('href')).toBe('/');
    expect(host.querySelector('.topbar-actions select') !== null).toBe(picker);
  });
});
