import { useEffect, useState } from 'react';
import { toString as qrSvg } from 'qrcode';
import { useT } from '../i18n/LocaleProvider';

/**
 * The otpauth:// set-up link as a QR code for authenticator apps, drawn as an
 * SVG image (a data: URL, allowed by the CSP's img-src) — made in the browser,
 * so the secret never leaves the page.
 */
export function TotpQrCode({ uri }: { uri: string }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => setSrc(null));
    return () => {
      live = false;
    };
  }, [uri]);
  if (!src) return null;
  return <img className="totp-qr" src={src} alt={t('login.qrAlt')} width={192} height={192} />;
}
