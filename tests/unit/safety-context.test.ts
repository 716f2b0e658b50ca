// Safety in context: a hazard word that names a product, title, colour or feature is not an
// incident; harm told without a hazard word is one when a person (or a child's product) is named.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

const LOOKALIKES = [
  'Is the smoke grey sofa still in stock?',
  'Do you sell a cover for the Kindle Fire?',
  'I want the fireproof safe in black',
  'Is this compatible with my fire stick?',
  'Do you have the flame pattern hoodie in XL?',
  'the spark plug set arrived, thanks',
  'are the shock absorbers sold in pairs?',
  'I love the burn orange colour',
  'the smoke detector I ordered is the wrong model',
  'does the explosion design t-shirt come in blue?',
  'she fell in love with the dress',
  'prices fell last week, can I get the difference?',
  'my doctor recommended this pillow for me',
  'I have surgery next week, can you deliver it to me before?',
  'it does not hurt to ask: do you ship to Peru?',
  'the page got stuck on payment and I was charged twice',
  'the Doctor Who mug I ordered for my son arrived',
  'the vase was not damaged, thanks',
  'my phone battery died after two days, can I get a new one?',
  'the charger died on me after a week',
  'my kids love it to death',
  'my daughter cannot stop smiling since the swing set arrived',
  'do the two Fire TVs share one remote?',
  // A capital inside an English sentence names a product or a title.
  'is the Burning Crusade box set in stock?',
  'any of the Nicholas Sparks novels in paperback?',
  'I would like the Blaze Orange and the Smoke edition',
];

const INCIDENTS = [
  'the smoke detector caught fire while charging',
  'the kettle started smoking and there were flames',
  'my son fell off the bike and broke his arm',
  'the ride-on would not stop even after my daughter let go of the pedal',
  'the shelf tipped over onto my toddler',
  'a small piece came off the rattle and my baby put it in his mouth',
  'she got a rash from the bracelet',
  'the toy magnets came loose and a child swallowed one',
  // Near misses: nobody writes "no one was hurt" about a routine order.
  'the stroller frame cracked on the first walk, thankfully no injuries',
  'the bunk bed ladder snapped, nobody was hurt',
  // Medical care and body-part injuries without a hazard word.
  'we took her to the doctor after the swing seat broke',
  'he had surgery to remove the bead from his ear',
  'the scooter handle folded and jammed her finger',
  'the drawer slammed shut and jammed his finger',
  // A machine that would not stop, a hot or chewed part.
  'the fan would not turn off and my son was next to it',
  'the night light got hot while my baby was asleep',
  'my toddler chewed off a piece of the teether',
  'the power strip shorted out behind the sofa while my kids were asleep',
  'the patient had a nosebleed after the humidifier',
  'my grandmother lost consciousness after the fall from the mobility scooter',
  // Capitals say nothing in Title Case or after a full stop, and an incident word still counts.
  'My Son Got Burned By The New Iron',
  'Ordered a kettle. Smoke came out of the base on day one',
  'the Fire Truck toy caught fire while charging',
];

describe('safety in context', () => {
  const set = projectIntents();
  it('has cases', () => expect(LOOKALIKES.length + INCIDENTS.length).toBeGreaterThan(10));

  for (const text of LOOKALIKES) {
    it(`look-alike, not an incident: "${text}"`, () => {
      const result = triage(text, NO_HISTORY, set);
      expect(result.safety).toBe(false);
      expect(result.urgency).not.toBe('critical');
    });
  }

  for (const text of INCIDENTS) {
    it(`incident: "${text}"`, () => {
      const result = triage(text, NO_HISTORY, set);
      expect(result.safety).toBe(true);
      expect(result.urgency).toBe('critical');
      expect(result.handoff).toBe(true);
    });
  }

  it('a social network named in passing is no threat of a public review; posting there is', () => {
    for (const text of ['I saw this dress on instagram, do you have it in M?', 'found you on tiktok, do you ship to Canada?']) {
      expect(triage(text, NO_HISTORY, set).reasons, text).not.toContain('threat:review');
    }
    expect(triage('refund me or I will post on facebook how you treat customers', NO_HISTORY, set).reasons).toContain('threat:review');
  });

  it('a colour name is no mood: the smoke grey sofa is neither an incident nor upset', () => {
    const result = triage('I ordered the smoke grey sofa, when will it ship?', NO_HISTORY, set);
    expect(result.safety).toBe(false);
    expect(result.sentiment.label).not.toBe('negative');
    expect(result.handoff).toBe(false);
  });

  it('a lone letter is no threat: "bbb" was shortened like "sooo" and matched every "b"', () => {
    for (const text of ['I need a size B cup', 'is plan b still available?']) {
      expect(triage(text, NO_HISTORY, set).handoff, text).toBe(false);
    }
  });

  it('needs a person for harm without a hazard word', () => {
    expect(triage('the parcel fell off the truck', NO_HISTORY, set).safety).toBe(false);
    expect(triage('the lamp tipped over', NO_HISTORY, set).safety).toBe(false);
    expect(triage('the lamp tipped over onto my son', NO_HISTORY, set).reasons).toContain('safety:harm');
  });
});
