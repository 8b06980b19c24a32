import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './ui/styles.css';
import { App } from './app/App';
import { I18nProvider } from './i18n/I18nProvider';
import { initialLanguage, setLanguage } from './i18n/LocaleStore';

void setLanguage(initialLanguage(), false).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
});
