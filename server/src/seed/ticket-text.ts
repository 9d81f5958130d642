/** Ticket subjects by leaf category, [English, French]; incidents first, then requests. */
export const TICKET_SUBJECTS: Record<string, { incident: [string, string][]; request: [string, string][] }> = {
  'cat-hardware-laptop': {
    incident: [
      ['Laptop does not start', 'Le portable ne démarre pas'],
      ['Laptop battery drains within an hour', 'La pile du portable se vide en une heure'],
      ['Cracked laptop screen', 'Écran du portable fissuré'],
      ['Laptop overheats and shuts down', "Le portable surchauffe et s'éteint"],
    ],
    request: [
      ['New laptop for a new employee', 'Nouveau portable pour un nouvel employé'],
      ['Replacement charger for laptop', 'Chargeur de remplacement pour portable'],
    ],
  },
  'cat-hardware-desktop': {
    incident: [
      ['Desktop freezes several times a day', 'Le poste se fige plusieurs fois par jour'],
      ['Second monitor not detected', 'Le deuxième écran n’est pas détecté'],
    ],
    request: [['Move workstation to another office', 'Déménager le poste de travail dans un autre bureau']],
  },
  'cat-hardware-printer': {
    incident: [
      ['Printer on 3rd floor jams constantly', 'L’imprimante du 3e étage bourre sans arrêt'],
      ['Cannot print to the shared printer', "Impossible d'imprimer sur l'imprimante partagée"],
    ],
    request: [['Toner replacement for printer', "Remplacement du toner de l'imprimante"]],
  },
  'cat-hardware-mobile': {
    incident: [['Phone does not receive email', 'Le téléphone ne reçoit pas les courriels']],
    request: [['New mobile phone', 'Nouveau téléphone cellulaire']],
  },
  'cat-network-vpn': {
    incident: [
      ['VPN disconnects every few minutes', 'Le RPV se déconnecte toutes les quelques minutes'],
      ['Cannot connect to VPN from home', 'Impossible de se connecter au RPV à domicile'],
    ],
    request: [['VPN access for a contractor', 'Accès RPV pour un contractuel']],
  },
  'cat-network-wifi': {
    incident: [['Wi-Fi very slow in meeting room', 'Wi-Fi très lent dans la salle de réunion']],
    request: [['Guest Wi-Fi for a conference', 'Wi-Fi invité pour une conférence']],
  },
  'cat-network-drive': {
    incident: [['Shared drive H: not mapped', 'Le lecteur partagé H: n’est pas connecté']],
    request: [['Access to the finance shared folder', 'Accès au dossier partagé des finances']],
  },
  'cat-software-email': {
    incident: [
      ['Outlook keeps asking for password', 'Outlook demande sans cesse le mot de passe'],
      ['Emails stuck in the outbox', "Courriels bloqués dans la boîte d'envoi"],
    ],
    request: [['Shared mailbox for the team', "Boîte aux lettres partagée pour l'équipe"]],
  },
  'cat-software-office': {
    incident: [['Excel crashes when opening large files', "Excel plante à l'ouverture de gros fichiers"]],
    request: [['Install Visio', 'Installer Visio']],
  },
  'cat-software-business': {
    incident: [
      ['Error 500 in the case management system', 'Erreur 500 dans le système de gestion des dossiers'],
      ['Payroll report shows wrong totals', 'Le rapport de paie affiche des totaux erronés'],
    ],
    request: [['Access to the reporting application', "Accès à l'application de rapports"]],
  },
  'cat-access-password': {
    incident: [['Account locked after failed sign-ins', 'Compte verrouillé après des échecs de connexion']],
    request: [['Password reset', 'Réinitialisation du mot de passe']],
  },
  'cat-access-account': {
    incident: [['New account cannot sign in', 'Le nouveau compte ne peut pas se connecter']],
    request: [['Create account for new hire', 'Créer un compte pour une nouvelle recrue']],
  },
  'cat-access-permissions': {
    incident: [['Access denied to team site', "Accès refusé au site d'équipe"]],
    request: [['Add user to distribution list', "Ajouter l'utilisateur à une liste de distribution"]],
  },
  'cat-security-phishing': {
    incident: [
      ['Suspicious email asking for credentials', 'Courriel suspect demandant des identifiants'],
      ['Clicked a link in a phishing email', "Clic sur un lien dans un courriel d'hameçonnage"],
    ],
    request: [],
  },
  'cat-security-malware': {
    incident: [['Antivirus alert on workstation', 'Alerte antivirus sur le poste de travail']],
    request: [],
  },
  'cat-security-lost-device': {
    incident: [['Laptop stolen from vehicle', 'Portable volé dans un véhicule']],
    request: [],
  },
};

export const SECURITY_CATEGORIES = ['cat-security-phishing', 'cat-security-malware', 'cat-security-lost-device'];
export const REGULAR_CATEGORIES = Object.keys(TICKET_SUBJECTS).filter((id) => !SECURITY_CATEGORIES.includes(id));

export const DESCRIPTION_OPENERS: [string, string][] = [
  ['The user reports the problem started this morning.', 'La personne signale que le problème a commencé ce matin.'],
  ['Happens on every attempt since the last update.', 'Se produit à chaque tentative depuis la dernière mise à jour.'],
  ['Several colleagues on the same floor have the same issue.', 'Plusieurs collègues du même étage ont le même problème.'],
  ['Needed before the end of the week.', 'Requis avant la fin de la semaine.'],
  ['The user already restarted the device.', "La personne a déjà redémarré l'appareil."],
];

export const RESOLUTION_NOTES: [string, string][] = [
  ['Replaced the faulty part and tested with the user.', 'Pièce défectueuse remplacée et testée avec la personne.'],
  ['Reset the profile; the user confirmed it works.', 'Profil réinitialisé; la personne confirme que cela fonctionne.'],
  [
    'Applied the documented workaround from the knowledge base.',
    'Contournement documenté dans la base de connaissances appliqué.',
  ],
  ['Request fulfilled and access granted.', 'Demande traitée et accès accordé.'],
  [
    'Could not reproduce; the user will call back if it recurs.',
    'Impossible à reproduire; la personne rappellera si cela se reproduit.',
  ],
];

export const COMMENTS: [string, string][] = [
  ['Called the user, left a voicemail.', 'Appelé la personne, laissé un message vocal.'],
  ['Waiting for the part from the vendor.', 'En attente de la pièce du fournisseur.'],
  ['Remote session scheduled for tomorrow 10:00.', 'Session à distance prévue demain à 10 h.'],
  ['User confirmed the details by email.', 'La personne a confirmé les détails par courriel.'],
  ['Escalated to the second level.', 'Transmis au deuxième niveau.'],
];
