import { Languages, languageCodes, type LanguageCode } from '@plenary/shared';

/** A labelled-elsewhere select of the interface languages, each named in its own script. */
export function LanguageSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LanguageCode;
  onChange: (lang: LanguageCode) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as LanguageCode)}>
      {languageCodes.map((code) => (
        <option key={code} value={code} lang={code}>
          {Languages[code].nativeName}
        </option>
      ))}
    </select>
  );
}
