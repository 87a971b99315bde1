import { contextFactor, queryClues } from '../../../src/knowledge/context-boost';
import { rankInsights } from '../../../src/knowledge/insight-ranking';
import { analyzeQuery, documentTerms } from '../../../src/knowledge/text-analysis';
import { corrections } from '../../../src/knowledge/typo-tolerance';

const termsOf = (text: string) => [...documentTerms('', text).counts.keys()];
const alternatives = (query: string) => analyzeQuery(query).parts.map((p) => [p.text, p.alternatives.map((a) => a.term)]);

describe('text analysis', () => {
  it('keeps error codes, dotted numbers and two-letter terms whole', () => {
    expect(termsOf('Rejected with 550 5.7.1 and 0x80070005 on DC01 in AD')).toEqual(
      expect.arrayContaining(['550', '5.7.1', '0x80070005', 'dc01', 'ad']),
    );
    expect(termsOf('DRIVER_IRQL_NOT_LESS_OR_EQUAL')).toEqual(['driver_irql_not_less_or_equal']);
  });

  it('skips filler words and single letters, and says which', () => {
    const { parts, ignored } = analyzeQuery('Why can I not get all new mail on a VM');
    expect(parts.filter((p) => !p.phrase).map((p) => p.text)).toEqual(['mail', 'vm']);
    expect(ignored).toEqual(['why', 'can', 'i', 'not', 'get', 'all', 'new', 'on', 'a']);
  });

  it('stems words so that other forms of them match', () => {
    expect(termsOf('patches replicating')).toEqual(expect.arrayContaining(['patch', 'replic']));
    expect(analyzeQuery('patched replication').parts.map((p) => p.alternatives[0].term)).toEqual(['patch', 'replic']);
  });

  it('adds the vocabulary concept in documents and queries, for abbreviations and phrases alike', () => {
    // a document saying "Active Directory" holds the term of "AD", and one saying "junk" the term of "spam"
    expect(termsOf('Unlocked the account in Active Directory')).toContain('ad');
    expect(termsOf('Mail lands in the junk folder')).toContain('spam');
    expect(termsOf('Renewed yearly')).toContain('annual');
    // a query saying "multi-factor authentication" asks for the MFA concept too, standing for its words
    const mfa = analyzeQuery('multi-factor authentication prompts').parts.find((p) => p.alternatives.some((a) => a.term === 'mfa'));
    expect(mfa).toBeDefined();
    expect(alternatives('junk')).toEqual([['junk', ['junk', 'spam']]]);
  });

  it('reads a hyphenated word as one query word whose pieces count less', () => {
    expect(alternatives('Wi-Fi')).toEqual([['wi-fi', ['wifi', 'wi', 'fi']]]);
    expect(termsOf('Connect-ExchangeOnline failed')).toEqual(expect.arrayContaining(['connect', 'exchangeonlin', 'connectexchangeonlin']));
  });
});

describe('typo tolerance', () => {
  const vocabulary = [
    { term: 'outlook', documents: 4 },
    { term: 'spooler', documents: 2 },
    { term: 'replic', documents: 3 },
    { term: 'state', documents: 1 },
    { term: 'save', documents: 5 },
  ];

  it('corrects to the nearest terms of the index, the most used first on equal distance', () => {
    expect(corrections('outlok', 'outlok', vocabulary)).toEqual(['outlook']);
    expect(corrections('spooller', 'spooller', vocabulary)).toEqual(['spooler']);
    expect(corrections('repliction', 'replict', vocabulary)).toEqual(['replic']);
    expect(corrections('sate', 'sate', vocabulary)).toEqual(['save', 'state']);
  });

  it('allows one edit in short words and finds nothing too far away', () => {
    expect(corrections('sxvq', 'sxvq', vocabulary)).toEqual([]);
    expect(corrections('printer', 'printer', vocabulary)).toEqual([]);
  });
});

describe('insight ranking', () => {
  const insights = [
    { id: 1, insight: 'DC01 is the only DNS server: reboot it after hours only', confidence: 90 },
    { id: 2, insight: 'Save the FW1 configuration before any firmware upgrade', confidence: 60 },
    { id: 3, insight: 'Old Outlook profiles need the EnableADAL value removed', confidence: 70 },
  ];

  it('puts the insights about the open tasks first, then the most confident', () => {
    const work = { tasks: ['Upgrade the FW1 firmware to 7.4'], sessions: ['Outlook password prompts'] };
    expect(rankInsights(insights, work).map((i) => i.id)).toEqual([2, 3, 1]);
    expect(rankInsights(insights, { tasks: [], sessions: [] }).map((i) => i.id)).toEqual([1, 3, 2]);
  });
});

describe('search context boost', () => {
  it('lifts a record naming the query host or sharing its technologies, and leaves the rest alone', () => {
    const clues = queryClues('DNS lookups time out on DC01');
    expect(clues.hosts).toContain('DC01');
    expect(contextFactor(clues, 'Changed the DNS forwarder on dc01.acme.local')).toBeGreaterThan(
      contextFactor(clues, 'Changed the DNS forwarder on DC02'),
    );
    expect(contextFactor(clues, 'Changed the DNS forwarder on DC02')).toBeGreaterThan(1);
    expect(contextFactor(clues, 'Replaced the toner')).toBe(1);
    expect(contextFactor(queryClues('the printer jams'), 'Replaced the toner on DC01')).toBe(1);
  });
});
