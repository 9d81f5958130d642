import { dayOf, defaultReviewBy, type ArticleRatings, type ArticleStatus, type KbArticle } from '@shared';
import { DEMO_USERS } from './directory-data.js';
import { TOPIC_CONTENT, type ArticleContent } from './kb-content.js';
import type { Random } from './random.js';

/** [English, French, category, tags]: how-to topics of the knowledge base. */
export const KB_TOPICS: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['Reset your password', 'Réinitialiser votre mot de passe', 'cat-access-password', ['password', 'account']],
  ['Unlock your account', 'Déverrouiller votre compte', 'cat-access-password', ['account', 'lockout']],
  ['Connect to the VPN', 'Se connecter au RPV', 'cat-network-vpn', ['vpn', 'remote']],
  ['Fix frequent VPN disconnections', 'Corriger les déconnexions fréquentes du RPV', 'cat-network-vpn', ['vpn']],
  ['Join the corporate Wi-Fi', "Se connecter au Wi-Fi de l'organisation", 'cat-network-wifi', ['wifi']],
  ['Map a shared network drive', 'Connecter un lecteur réseau partagé', 'cat-network-drive', ['drive', 'share']],
  [
    'Set up email on a mobile phone',
    'Configurer le courriel sur un téléphone cellulaire',
    'cat-hardware-mobile',
    ['email', 'mobile'],
  ],
  ['Clear a stuck Outlook outbox', "Débloquer la boîte d'envoi d'Outlook", 'cat-software-email', ['outlook', 'email']],
  ['Request access to a shared mailbox', 'Demander l’accès à une boîte aux lettres partagée', 'cat-software-email', ['mailbox']],
  ['Add a network printer', 'Ajouter une imprimante réseau', 'cat-hardware-printer', ['printer']],
  ['Clear a paper jam', 'Dégager un bourrage papier', 'cat-hardware-printer', ['printer']],
  ['Extend laptop battery life', 'Prolonger l’autonomie de la pile du portable', 'cat-hardware-laptop', ['laptop', 'battery']],
  ['Connect a second monitor', 'Brancher un deuxième écran', 'cat-hardware-desktop', ['monitor']],
  [
    'Recover a previous version of a file',
    "Récupérer une version antérieure d'un fichier",
    'cat-software-office',
    ['files', 'backup'],
  ],
  ['Repair Excel when it crashes', 'Réparer Excel lorsqu’il plante', 'cat-software-office', ['excel']],
  ['Report a phishing email', "Signaler un courriel d'hameçonnage", 'cat-security-phishing', ['security', 'phishing']],
  [
    'What to do if your device is lost or stolen',
    'Que faire si votre appareil est perdu ou volé',
    'cat-security-lost-device',
    ['security', 'device'],
  ],
  [
    'Request a new account for a new hire',
    'Demander un compte pour une nouvelle recrue',
    'cat-access-account',
    ['account', 'onboarding'],
  ],
  ['Request access to an application', "Demander l'accès à une application", 'cat-access-permissions', ['access']],
  [
    'Sign in to the case management system',
    'Se connecter au système de gestion des dossiers',
    'cat-software-business',
    ['application'],
  ],
];

/** [English, French] contexts that turn a topic into distinct articles. */
const CONTEXTS: readonly (readonly [string, string])[] = [
  ['on Windows 11', 'sous Windows 11'],
  ['on macOS', 'sous macOS'],
  ['on iPhone', 'sur iPhone'],
  ['on Android', 'sur Android'],
  ['from home', 'à domicile'],
  ['at a regional office', 'dans un bureau régional'],
  ['while travelling', 'en déplacement'],
  ['for contractors', 'pour les contractuels'],
  ['for managers', 'pour les gestionnaires'],
  ['for new employees', 'pour les nouveaux employés'],
];

const STATUSES: [ArticleStatus, number][] = [
  ['published', 80],
  ['draft', 15],
  ['retired', 5],
];

function markdown(title: string, fr: boolean, content: ArticleContent): string {
  const lang = fr ? 1 : 0;
  const h = fr ? ['Symptômes', 'Étapes', 'Besoin d’aide?'] : ['Symptoms', 'Steps', 'Still stuck?'];
  const lines = [
    `# ${title}`,
    '',
    `## ${h[0]}`,
    content.symptoms[lang],
    '',
    `## ${h[1]}`,
    ...content.steps.map((step, i) => `${i + 1}. ${step[lang]}`),
    '',
    `## ${h[2]}`,
    fr
      ? 'Appelez le Centre de services au poste 4357 ou ouvrez un billet dans le portail.'
      : 'Call the Service Desk at extension 4357 or open a ticket in the portal.',
  ];
  return lines.join('\n');
}

/** A knowledge article in English and French with a Markdown body. */
export function makeArticle(rng: Random, index: number, now: number): KbArticle {
  const topic = KB_TOPICS[index % KB_TOPICS.length];
  const context = CONTEXTS[Math.floor(index / KB_TOPICS.length) % CONTEXTS.length];
  const round = Math.floor(index / (KB_TOPICS.length * CONTEXTS.length));
  const suffix = round > 0 ? [` (${round + 1})`, ` (${round + 1})`] : ['', ''];
  const en = `${topic[0]} ${context[0]}${suffix[0]}`;
  const fr = `${topic[1]} ${context[1]}${suffix[1]}`;
  // Drawn as when the steps were generated, so every later draw (statuses, authors, the tickets after) stays the same.
  rng.int(3, 7);
  const content = TOPIC_CONTENT[index % KB_TOPICS.length];
  const article: KbArticle = {
    id: `kb-${String(index + 1).padStart(7, '0')}`,
    number: `KB${String(1001 + index).padStart(7, '0')}`,
    title: { en, fr },
    body: { en: markdown(en, false, content), fr: markdown(fr, true, content) },
    status: rng.weighted(STATUSES),
    categoryId: topic[2],
    tags: [...topic[3]],
    version: rng.int(1, 5),
    authorId: rng.pick([DEMO_USERS.agent.id, DEMO_USERS.supervisor.id, 'usr-0001', 'usr-0016']),
    updatedAt: now - rng.int(1, 365) * 86_400_000,
  };
  return article.status === 'published' ? { ...article, ...seededFeedback(index, article.updatedAt, now) } : article;
}

/** Seeded people who rate: directory users that are not the demo sign-ins, so a demo user starts unrated. */
const RATERS = Array.from({ length: 12 }, (_, i) => `usr-${String(i + 1).padStart(4, '0')}`);

/**
 * Ratings, views and a review date that look lived-in, derived from the index (not the random stream, so every
 * later draw stays the same): most articles are due in the coming year, up to one in seven is overdue by up to two
 * months.
 */
function seededFeedback(index: number, publishedAt: number, now: number): Pick<KbArticle, 'ratings' | 'reviewBy' | 'views'> {
  const helpful = (index * 7) % 10;
  const notHelpful = (index * 3) % 4;
  const ratings: ArticleRatings = {};
  RATERS.slice(0, helpful + notHelpful).forEach((userId, i) => {
    ratings[userId] = { value: i < helpful ? 'helpful' : 'not_helpful', at: publishedAt + (i + 1) * 3_600_000 };
  });
  // Overdue by one to sixty days, and only where that still falls at least a month after publication.
  const overdueBy = ((index % 60) + 1) * 86_400_000;
  const overdue = index % 7 === 3 && now - overdueBy > publishedAt + 30 * 86_400_000;
  const reviewBy = overdue ? dayOf(now - overdueBy) : defaultReviewBy(publishedAt);
  return { ratings, reviewBy, views: helpful + notHelpful + ((index * 13) % 90) };
}
