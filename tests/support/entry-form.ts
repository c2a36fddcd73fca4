// A complete, valid entry as the entry form's schema gives it to the registration service: a French
// photonics start-up in the Europe group, quantum information track. Tests change what they test.
import type { EntryFormInput } from "../../app/domain/entry-schemas";

export function entryFormInput(overrides: Partial<EntryFormInput> = {}): EntryFormInput {
  return {
    intent: "save",
    group: "EU",
    track: "QI",
    titleZh: undefined,
    titleEn: "Photonic qubits for Lyon",
    summaryZh: undefined,
    summaryEn: "Room-temperature photonic qubits on a chip.",
    organization: "Lyon Photonique SAS",
    country: "FR",
    city: undefined,
    website: undefined,
    contactName: "Élodie Martin",
    contactEmail: "elodie@lyon-photonique.example.fr",
    team: [{ name: "Élodie Martin", role: "CEO" }],
    consent: "on",
    ...overrides,
  };
}
