// Record payloads (core/crypto/payload.ts) inflated by the browser's own deflate, for the large
// ones read on the way to a usable app: the sealed index snapshots opened at every unlock. In a
// data Worker just started, fflate's JavaScript inflate runs cold (not yet optimised): profiled,
// ~110 ms of the ~210 ms the Worker took to open a 5,000-person index, on the warm start's path.
// DecompressionStream is native code. Same format, same checks, same errors as decodePayload.
import { checkedInflation, decodePayload, PAYLOAD_JSON, payloadParts } from '@relais/core/crypto/payload';

export async function decodePayloadNatively(payload: Uint8Array): Promise<Uint8Array> {
  const parts = payloadParts(payload);
  if (parts.format === PAYLOAD_JSON) return parts.json;
  if (typeof DecompressionStream === 'undefined') return decodePayload(payload);
  // One byte of room past the stated length: a body that inflates further shows as too long.
  return checkedInflation(await inflateRaw(parts.body, parts.length + 1), parts.length);
}

/** The body inflated into at most `limit` bytes (reading stops there); null when it is not valid deflate. */
async function inflateRaw(body: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const out = new Uint8Array(limit);
  let size = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    const source = new ReadableStream<BufferSource>({
      start(controller) {
        // A copy on an ArrayBuffer of its own: the stream takes no view of a SharedArrayBuffer, which the type allows.
        controller.enqueue(body.slice());
        controller.close();
      },
    });
    reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  } catch {
    return null;
  }
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return out.subarray(0, size);
      const room = limit - size;
      out.set(value.length > room ? value.subarray(0, room) : value, size);
      size += Math.min(room, value.length);
      if (size === limit) {
        await reader.cancel().catch(() => undefined);
        return out;
      }
    }
  } catch {
    return null;
  }
}
