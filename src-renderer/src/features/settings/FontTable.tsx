import { useTranslation } from 'react-i18next';
import { DEFAULT_FONTS, FONT_ROLES, type FontChoice, type FontMap } from '../../../../src-main/shared/settings.ts';

/** Each font role of the templates: the font to name, and the one to fall back to where it is missing. */
export function FontTable({ fonts, onChange }: { fonts: FontMap; onChange(f: FontMap): void }) {
  const { t } = useTranslation();
  const set = (role: (typeof FONT_ROLES)[number], patch: Partial<FontChoice>) => onChange({ ...fonts, [role]: { ...fonts[role], ...patch } });
  return (
    <fieldset className="font-table">
      <legend>{t('settings.fonts')}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.role')}</th>
            <th scope="col">{t('settings.primary')}</th>
            <th scope="col">{t('settings.fallback')}</th>
          </tr>
        </thead>
        <tbody>
          {FONT_ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">
                {t(`settings.roles.${role}`)}
                <span className="muted settings-use">{t(`settings.uses.${role}`)}</span>
              </th>
              <td>
                <input
                  aria-label={`${t(`settings.roles.${role}`)} ${t('settings.primary')}`}
                  data-testid={`font-${role}-primary`}
                  value={fonts[role].primary}
                  maxLength={64}
                  placeholder={DEFAULT_FONTS[role].primary}
                  onChange={(e) => set(role, { primary: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t(`settings.roles.${role}`)} ${t('settings.fallback')}`}
                  data-testid={`font-${role}-fallback`}
                  value={fonts[role].fallback}
                  maxLength={64}
                  placeholder={DEFAULT_FONTS[role].fallback}
                  onChange={(e) => set(role, { fallback: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link" onClick={() => onChange(DEFAULT_FONTS)}>
        {t('settings.defaults')}
      </button>
    </fieldset>
  );
}
