// 中文 ⇄ English, in the top bar and on the recovery screen.
import { useTranslation } from 'react-i18next';
import { setLocale, useLocale } from '../i18n/index.ts';

export function LanguageButton() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <button
      type="button"
      className="lang"
      data-testid="lang-switch"
      lang={locale === 'en' ? 'zh-CN' : 'en'}
      title={t('app.languageTitle')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('app.language')}
    </button>
  );
}
