import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/**
 * The QR code of a ticket number. The encoder loads on first use (it is precached, so this works
 * offline too) to keep it out of the app's first download.
 */
export function QrCode({ text }: { text: string }) {
  const svg = useSignal<string | null>(null);
  const failed = useSignal<string | null>(null);
  useEffect(() => {
    let alive = true;
    import('../lib/qr.js').then(
      ({ qrSvg }) => alive && (svg.value = qrSvg(text)),
      (error: unknown) => alive && (failed.value = error instanceof Error ? error.message : String(error)),
    );
    return () => {
      alive = false;
    };
  }, [text]);
  if (failed.value) return <p class="note">The QR code could not be drawn ({failed.value}); the number above is enough at exit.</p>;
  return <div class="qr" role="img" aria-label={`QR code of ticket ${text}`} data-testid="qr" dangerouslySetInnerHTML={{ __html: svg.value ?? '' }} />;
}
