import { addWords } from '../networks/i18n';

const en = {
  contributions: {
    suggest: 'Suggest content to this network',
    suggestIntro: 'An article of yours, a link worth sharing or a draft: the committee decides, and credits you.',
    link: 'A link',
    draft: 'A draft',
    title: 'Title',
    url: 'Address (URL)',
    draftText: 'Your draft',
    note: 'A note for the committee',
    send: 'Send the suggestion',
    sent: 'Suggestion sent to the committee.',
    inbox: 'Contributions waiting',
    waiting_one: '{{count}} contribution waiting',
    waiting_other: '{{count}} contributions waiting',
    empty: 'No contribution waiting.',
    by: 'Suggested by {{name}} on {{date}}',
    when: 'Date in the agenda',
    decisionNote: 'Note to the author',
    acceptEntry: 'Accept into the agenda',
    acceptBrief: 'Accept as a brief',
    decline: 'Decline',
    accepted: 'Accepted, {{name}} is credited.',
  },
};

const fr: typeof en = {
  contributions: {
    suggest: 'Proposer un contenu à ce réseau',
    suggestIntro: 'Un de vos articles, un lien à partager ou un brouillon : le comité décide et vous crédite.',
    link: 'Un lien',
    draft: 'Un brouillon',
    title: 'Titre',
    url: 'Adresse (URL)',
    draftText: 'Votre brouillon',
    note: 'Un mot pour le comité',
    send: 'Envoyer la proposition',
    sent: 'Proposition envoyée au comité.',
    inbox: 'Contributions en attente',
    waiting_one: '{{count}} contribution en attente',
    waiting_other: '{{count}} contributions en attente',
    empty: 'Aucune contribution en attente.',
    by: 'Proposé par {{name}} le {{date}}',
    when: 'Date dans l’agenda',
    decisionNote: 'Un mot pour l’auteur',
    acceptEntry: 'Accepter dans l’agenda',
    acceptBrief: 'Accepter comme brief',
    decline: 'Refuser',
    accepted: 'Accepté, {{name}} est crédité·e.',
  },
};

addWords({ en, fr });
