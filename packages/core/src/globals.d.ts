// Core runs in browsers and Node; it may rely on the platform's pure codecs only (no DOM, no I/O).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
