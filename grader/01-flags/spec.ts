import fc from "fast-check";
import { FLAG_NAMES, flags, setFlagNames, type FlagName, type Flags, type Segment } from "../../lib/tcp.ts";
import { flagSet, segment } from "../kit/arbitraries.ts";
import { every, specFor } from "../kit/spec.ts";

const { property, spec } = specFor<typeof import("../../solutions/01-flags.ts")>();

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => i);
const showFlags = (f: Flags) => (setFlagNames(f).join(",") || "no flags set");
const showByte = (b: number) => (typeof b === "number" ? `${b} (0x${b.toString(16).padStart(2, "0")}, 0b${b.toString(2).padStart(8, "0")})` : String(b));
const showSegment = (s: Segment) => `${showFlags(s.flags)}, ${s.dataLength} data bytes`;
const byteShow = { input: showFlags, output: showByte };

export default spec({
  encodeFlags: [
    property({
      name: "each flag on its own sets exactly its bit, CWR highest (0x80) down to FIN lowest (0x01)",
      input: every(FLAG_NAMES.map((name) => name)),
      run: (m, name: FlagName) => m.encodeFlags(flags(name)),
      show: { input: (name) => `only ${name} set`, output: showByte },
    }),
    property({
      name: "no flags set encodes as 0",
      input: every([flags()]),
      run: (m, f) => m.encodeFlags(f),
      show: byteShow,
    }),
    property({
      name: "the byte of a set of flags is the sum of the bits of its flags",
      input: flagSet,
      run: (m, f) => m.encodeFlags(f),
      show: byteShow,
    }),
  ],
  decodeFlags: [
    property({
      name: "every byte from 0 to 255 decodes to the right eight flags",
      input: every(ALL_BYTES),
      run: (m, byte) => m.decodeFlags(byte),
      show: { input: showByte, output: (f: Flags) => `{ ${FLAG_NAMES.map((n) => `${n}: ${f?.[n]}`).join(", ")} }` },
    }),
    property({
      name: "decoding undoes encoding: decodeFlags(encodeFlags(f)) gives f back",
      input: flagSet,
      run: (m, f) => m.decodeFlags(m.encodeFlags(f)),
      holds: (actual, f) => FLAG_NAMES.every((n) => actual[n] === f[n]) && Object.keys(actual).length === FLAG_NAMES.length,
      show: { input: showFlags, output: showFlags },
    }),
  ],
  segLen: [
    property({
      name: "a pure ACK with no data occupies no sequence numbers",
      input: fc.record({ ack: fc.nat(), rest: flagSet }),
      run: (m, { ack, rest }) => m.segLen({ seq: 0, ack, dataLength: 0, flags: { ...rest, SYN: false, FIN: false } }),
      show: { input: ({ rest }) => `${showFlags({ ...rest, SYN: false, FIN: false })}, no data` },
    }),
    property({
      name: "a SYN always consumes one sequence number, and so does a FIN",
      input: every(
        [[], ["SYN"], ["FIN"], ["SYN", "FIN"], ["SYN", "ACK"], ["FIN", "ACK"], ["RST"], ["FIN", "PSH", "ACK"]].map((names) =>
          ({ seq: 1000, ack: 0, flags: flags(...(names as FlagName[])), dataLength: 0 }) satisfies Segment,
        ),
      ),
      run: (m, s) => m.segLen(s),
      show: { input: showSegment },
    }),
    property({
      name: "SEG.LEN is the data bytes, plus one for SYN, plus one for FIN",
      input: segment,
      run: (m, s) => m.segLen(s),
      show: { input: showSegment },
    }),
  ],
});
