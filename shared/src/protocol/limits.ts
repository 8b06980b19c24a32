/**
 * Bounds on every input. Schemas use them; the server enforces the byte sizes
 * before parsing. Changing one is a protocol change: both sides read it from here.
 */
export const Limits = {
  nameLength: 60,
  titleLength: 200,
  textLength: 2000,
  idLength: 64,
  joinCodeLength: 6,
  /** Largest JSON payload of one Socket.IO command, in bytes. */
  commandBytes: 16 * 1024,
  /** Largest JSON body of a REST request, in bytes. */
  restBodyBytes: 256 * 1024,
  /** Largest single Yjs update message, in bytes. */
  docUpdateBytes: 512 * 1024,
  /** Largest encoded Yjs document, in bytes. */
  docBytes: 16 * 1024 * 1024,
  /** Commands per second a connection may send (sustained), and the burst above it. */
  commandsPerSecond: 10,
  commandBurst: 40,
  /** Events a reconnecting client may be sent one by one before it gets a snapshot instead. */
  resyncMaxEvents: 500,
  participantsPerWorkshop: 1000,
  agendaItemsPerDay: 60,
  days: 14,
  countries: 250,
  organisations: 100,
} as const;
