import { useLang } from '../../i18n/i18n.tsx';

/** "1,2 MB", "340 kB" in the reader's language. */
export function FileSize({ bytes }: { bytes: number }) {
  const [lang] = useLang();
  const nf = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return <>{nf.format(bytes / 1024 / 1024)} MB</>;
  return <>{nf.format(Math.max(1, Math.round(bytes / 1024)))} kB</>;
}
