/** What a demo article says: its symptoms and its steps, in English and French, as a help-desk writer would. */
export interface ArticleContent {
  symptoms: readonly [string, string];
  steps: readonly (readonly [string, string])[];
}

/** The content of each topic of kb-data.ts's TOPICS, in the same order. */
export const TOPIC_CONTENT: readonly ArticleContent[] = [
  {
    symptoms: [
      'You forgot your password, or it expired and you cannot sign in.',
      'Vous avez oublié votre mot de passe, ou il a expiré et vous ne pouvez plus ouvrir de session.',
    ],
    steps: [
      [
        'Open the self-service password page from the sign-in screen (“Forgot password?”).',
        'À l’écran de connexion, ouvrez la page libre-service « Mot de passe oublié? ».',
      ],
      [
        'Enter your work e-mail address and the code sent to your registered phone.',
        'Entrez votre adresse courriel professionnelle et le code envoyé à votre téléphone enregistré.',
      ],
      [
        'Choose a passphrase of at least 14 characters that you have not used before.',
        'Choisissez une phrase de passe d’au moins 14 caractères que vous n’avez jamais utilisée.',
      ],
      [
        'Sign in again on every device that stored the old password (phone mail, VPN).',
        'Ouvrez une session de nouveau sur chaque appareil qui avait l’ancien mot de passe (courriel du téléphone, RPV).',
      ],
    ],
  },
  {
    symptoms: [
      'The sign-in screen says your account is locked after several failed attempts.',
      'L’écran de connexion indique que votre compte est verrouillé après plusieurs tentatives infructueuses.',
    ],
    steps: [
      ['Wait 15 minutes: the lock lifts by itself.', 'Attendez 15 minutes : le verrouillage se lève de lui-même.'],
      [
        'If you are not sure of your password, reset it before trying again.',
        'Si vous n’êtes pas certain de votre mot de passe, réinitialisez-le avant de réessayer.',
      ],
      [
        'Remove the old password from your phone’s mail app, which keeps retrying it.',
        'Retirez l’ancien mot de passe de l’application de courriel de votre téléphone, qui continue de l’essayer.',
      ],
    ],
  },
  {
    symptoms: [
      'You need to reach internal sites or shared drives from outside the office.',
      'Vous devez accéder aux sites internes ou aux lecteurs partagés à l’extérieur du bureau.',
    ],
    steps: [
      [
        'Open the VPN client from the system tray (or the menu bar on a Mac).',
        'Ouvrez le client RPV dans la zone de notification (ou la barre des menus sur un Mac).',
      ],
      ['Choose the “Corporate” profile and select Connect.', 'Choisissez le profil « Organisation » et sélectionnez Connecter.'],
      [
        'Sign in with your work account and approve the prompt on your phone.',
        'Ouvrez une session avec votre compte professionnel et approuvez la demande sur votre téléphone.',
      ],
      [
        'Check that the icon turns green before opening internal sites.',
        'Vérifiez que l’icône passe au vert avant d’ouvrir les sites internes.',
      ],
    ],
  },
  {
    symptoms: [
      'The VPN drops every few minutes, or reconnects in a loop.',
      'Le RPV se déconnecte à quelques minutes d’intervalle ou se reconnecte en boucle.',
    ],
    steps: [
      [
        'Switch from Wi-Fi to a wired connection, or move closer to the router.',
        'Passez du Wi-Fi à une connexion filaire ou rapprochez-vous du routeur.',
      ],
      [
        'In the VPN client, turn off “Allow local network access”, then reconnect.',
        'Dans le client RPV, désactivez « Autoriser l’accès au réseau local », puis reconnectez-vous.',
      ],
      [
        'Restart the laptop to pick up the latest VPN settings.',
        'Redémarrez le portable pour qu’il reçoive les derniers paramètres du RPV.',
      ],
      [
        'If it still drops, note the times and open a ticket with them.',
        'Si les coupures continuent, notez les heures et ouvrez un billet en les indiquant.',
      ],
    ],
  },
  {
    symptoms: [
      'Your device does not see or cannot join the corporate Wi-Fi.',
      'Votre appareil ne voit pas le Wi-Fi de l’organisation ou ne parvient pas à s’y connecter.',
    ],
    steps: [
      [
        'Choose the “CORP-SECURE” network, not the guest network.',
        'Choisissez le réseau « CORP-SECURE », et non le réseau invité.',
      ],
      [
        'Sign in with your work account when asked for a user name and password.',
        'Ouvrez une session avec votre compte professionnel quand on vous demande un nom d’utilisateur et un mot de passe.',
      ],
      [
        'Accept the certificate issued by the organisation’s network authority.',
        'Acceptez le certificat émis par l’autorité réseau de l’organisation.',
      ],
    ],
  },
  {
    symptoms: [
      'A shared drive (such as S:) is missing from File Explorer.',
      'Un lecteur partagé (comme S:) n’apparaît pas dans l’Explorateur de fichiers.',
    ],
    steps: [
      ['Connect to the office network or the VPN first.', 'Connectez-vous d’abord au réseau du bureau ou au RPV.'],
      [
        'In File Explorer, select This PC, then Map network drive.',
        'Dans l’Explorateur de fichiers, sélectionnez Ce PC, puis Connecter un lecteur réseau.',
      ],
      [
        'Pick the drive letter and enter the folder path your manager gave you, e.g. \\\\files\\finance.',
        'Choisissez la lettre du lecteur et entrez le chemin du dossier fourni par votre gestionnaire, par exemple \\\\files\\finance.',
      ],
      [
        'Tick “Reconnect at sign-in” and select Finish.',
        'Cochez « Se reconnecter lors de la connexion » et sélectionnez Terminer.',
      ],
    ],
  },
  {
    symptoms: [
      'You want your work e-mail and calendar on your phone.',
      'Vous voulez votre courriel et votre calendrier professionnels sur votre téléphone.',
    ],
    steps: [
      ['Install Outlook from the App Store or Google Play.', 'Installez Outlook à partir de l’App Store ou de Google Play.'],
      [
        'Add your work e-mail address and sign in with your work password.',
        'Ajoutez votre adresse courriel professionnelle et ouvrez une session avec votre mot de passe professionnel.',
      ],
      [
        'Accept the device-management prompt: it protects work data only.',
        'Acceptez la demande de gestion de l’appareil : elle protège seulement les données professionnelles.',
      ],
    ],
  },
  {
    symptoms: [
      'Messages stay in the Outbox and are never sent.',
      'Les messages restent dans la boîte d’envoi et ne partent jamais.',
    ],
    steps: [
      [
        'Check that Outlook says “Connected” at the bottom of the window.',
        'Vérifiez qu’Outlook affiche « Connecté » au bas de la fenêtre.',
      ],
      [
        'Open the Outbox and move any message with a large attachment to Drafts.',
        'Ouvrez la boîte d’envoi et déplacez dans les Brouillons tout message ayant une grosse pièce jointe.',
      ],
      [
        'Share large files as a link from OneDrive instead of attaching them.',
        'Partagez les gros fichiers sous forme de lien OneDrive au lieu de les joindre.',
      ],
      ['Select Send/Receive, then Send All.', 'Sélectionnez Envoyer/Recevoir, puis Envoyer tout.'],
    ],
  },
  {
    symptoms: [
      'You need to read or send mail from a team’s shared mailbox.',
      'Vous devez lire ou envoyer des courriels à partir de la boîte partagée d’une équipe.',
    ],
    steps: [
      [
        'Ask the mailbox owner (usually the team manager) to approve your access.',
        'Demandez au propriétaire de la boîte (habituellement le gestionnaire de l’équipe) d’approuver votre accès.',
      ],
      [
        'Open a request with the mailbox name and the approval attached.',
        'Ouvrez une demande en indiquant le nom de la boîte et en joignant l’approbation.',
      ],
      [
        'Restart Outlook once you are told access is granted: the mailbox appears by itself.',
        'Redémarrez Outlook quand on vous confirme l’accès : la boîte apparaît d’elle-même.',
      ],
    ],
  },
  {
    symptoms: [
      'The printer near you does not appear when you print.',
      'L’imprimante près de vous n’apparaît pas quand vous imprimez.',
    ],
    steps: [
      [
        'Read the printer’s name on the label on its front (e.g. PRN-3E-021).',
        'Lisez le nom de l’imprimante sur l’étiquette à l’avant (par exemple PRN-3E-021).',
      ],
      [
        'Open Settings, then Printers & scanners, and select Add device.',
        'Ouvrez Paramètres, puis Imprimantes et scanners, et sélectionnez Ajouter un appareil.',
      ],
      [
        'Choose the printer with that name; the driver installs by itself.',
        'Choisissez l’imprimante portant ce nom; le pilote s’installe de lui-même.',
      ],
      ['Print a test page to check it works.', 'Imprimez une page de test pour vérifier qu’elle fonctionne.'],
    ],
  },
  {
    symptoms: [
      'The printer shows a paper jam and stops printing.',
      'L’imprimante signale un bourrage papier et cesse d’imprimer.',
    ],
    steps: [
      [
        'Open the doors the printer’s screen points to; do not pull on torn paper.',
        'Ouvrez les portes indiquées à l’écran de l’imprimante; ne tirez pas sur le papier déchiré.',
      ],
      [
        'Remove the sheet gently in the direction the paper travels.',
        'Retirez doucement la feuille dans le sens où circule le papier.',
      ],
      [
        'Fan the paper in the tray and check it is below the fill line.',
        'Aérez le papier du bac et vérifiez qu’il est sous le trait de remplissage.',
      ],
      [
        'Close every door; printing resumes where it stopped.',
        'Refermez toutes les portes; l’impression reprend là où elle s’était arrêtée.',
      ],
    ],
  },
  {
    symptoms: [
      'Your laptop battery runs out well before the end of the day.',
      'La pile de votre portable se vide bien avant la fin de la journée.',
    ],
    steps: [
      [
        'Turn on Battery saver (or Low Power Mode on a Mac) when unplugged.',
        'Activez l’économiseur de pile (ou le mode Économie d’énergie sur un Mac) lorsque l’appareil est débranché.',
      ],
      [
        'Lower the screen brightness and close video calls you are not in.',
        'Réduisez la luminosité de l’écran et fermez les appels vidéo auxquels vous ne participez pas.',
      ],
      [
        'Check Battery usage for apps draining it and close them.',
        'Consultez l’utilisation de la pile pour repérer les applications énergivores et fermez-les.',
      ],
      [
        'If the battery lasts under two hours when new settings are on, ask for a replacement.',
        'Si la pile dure moins de deux heures avec ces réglages, demandez son remplacement.',
      ],
    ],
  },
  {
    symptoms: [
      'A second monitor stays black or shows the same picture as the laptop.',
      'Un deuxième écran reste noir ou affiche la même image que le portable.',
    ],
    steps: [
      [
        'Plug the monitor into the dock or the laptop’s HDMI or USB-C port and turn it on.',
        'Branchez l’écran à la station d’accueil ou au port HDMI ou USB-C du portable et allumez-le.',
      ],
      ['Press Windows + P and choose Extend.', 'Appuyez sur Windows + P et choisissez Étendre.'],
      [
        'In Display settings, drag the screens so they match your desk.',
        'Dans les paramètres d’affichage, faites glisser les écrans pour qu’ils correspondent à votre bureau.',
      ],
    ],
  },
  {
    symptoms: [
      'A file was overwritten or deleted and you need an earlier copy.',
      'Un fichier a été écrasé ou supprimé et vous avez besoin d’une version antérieure.',
    ],
    steps: [
      [
        'In OneDrive or SharePoint, select the file, then Version history.',
        'Dans OneDrive ou SharePoint, sélectionnez le fichier, puis Historique des versions.',
      ],
      [
        'Open the version from before the change to check it.',
        'Ouvrez la version antérieure à la modification pour la vérifier.',
      ],
      [
        'Select Restore; the current version stays in the history.',
        'Sélectionnez Restaurer; la version actuelle reste dans l’historique.',
      ],
      [
        'For a deleted file, look in the site’s Recycle bin (kept 93 days).',
        'Pour un fichier supprimé, consultez la corbeille du site (conservé 93 jours).',
      ],
    ],
  },
  {
    symptoms: [
      'Excel closes by itself or freezes when you open a workbook.',
      'Excel se ferme tout seul ou se fige à l’ouverture d’un classeur.',
    ],
    steps: [
      [
        'Start Excel in safe mode: hold Ctrl while opening it.',
        'Démarrez Excel en mode sans échec : maintenez Ctrl en l’ouvrant.',
      ],
      [
        'If it works, turn off add-ins under File › Options › Add-ins, one at a time.',
        'Si cela fonctionne, désactivez les compléments dans Fichier › Options › Compléments, un à la fois.',
      ],
      [
        'Run a Quick Repair from Settings › Apps › Microsoft 365 › Modify.',
        'Lancez une réparation rapide dans Paramètres › Applications › Microsoft 365 › Modifier.',
      ],
    ],
  },
  {
    symptoms: [
      'An e-mail asks you to click a link, sign in or pay urgently.',
      'Un courriel vous demande de cliquer sur un lien, d’ouvrir une session ou de payer de toute urgence.',
    ],
    steps: [
      [
        'Do not click links, open attachments or reply.',
        'Ne cliquez sur aucun lien, n’ouvrez aucune pièce jointe et ne répondez pas.',
      ],
      [
        'Select Report › Phishing in Outlook: the message goes to the security team.',
        'Sélectionnez Signaler › Hameçonnage dans Outlook : le message est transmis à l’équipe de sécurité.',
      ],
      [
        'If you already entered your password, change it now and call the Service Desk.',
        'Si vous avez déjà entré votre mot de passe, changez-le tout de suite et appelez le Centre de services.',
      ],
    ],
  },
  {
    symptoms: [
      'Your work laptop or phone is lost or was stolen.',
      'Votre portable ou votre téléphone professionnel a été perdu ou volé.',
    ],
    steps: [
      [
        'Call the Service Desk at once, day or night: we lock and wipe the device remotely.',
        'Appelez immédiatement le Centre de services, de jour comme de nuit : nous verrouillons et effaçons l’appareil à distance.',
      ],
      ['Change your password from another device.', 'Changez votre mot de passe à partir d’un autre appareil.'],
      [
        'If it was stolen, report it to the police and give us the report number.',
        'En cas de vol, signalez-le à la police et transmettez-nous le numéro du rapport.',
      ],
    ],
  },
  {
    symptoms: [
      'A new employee starts soon and needs an account and equipment.',
      'Un nouvel employé arrive bientôt et a besoin d’un compte et de matériel.',
    ],
    steps: [
      [
        'Open a new-hire request at least five working days before the start date.',
        'Ouvrez une demande pour nouvelle recrue au moins cinq jours ouvrables avant la date d’entrée en fonction.',
      ],
      [
        'Give the employee’s name, position, start date and the groups they need.',
        'Indiquez le nom de l’employé, son poste, sa date d’arrivée et les groupes dont il a besoin.',
      ],
      [
        'The temporary password is given to the manager on the first morning.',
        'Le mot de passe temporaire est remis au gestionnaire le premier matin.',
      ],
    ],
  },
  {
    symptoms: [
      'You need access to an application you cannot open today.',
      'Vous avez besoin d’accéder à une application que vous ne pouvez pas ouvrir aujourd’hui.',
    ],
    steps: [
      [
        'Open an access request naming the application and the role you need.',
        'Ouvrez une demande d’accès en nommant l’application et le rôle dont vous avez besoin.',
      ],
      [
        'Your manager approves it by e-mail; the application owner grants it.',
        'Votre gestionnaire l’approuve par courriel; le responsable de l’application l’accorde.',
      ],
      [
        'Sign out and back in once you are told access is granted.',
        'Fermez votre session et rouvrez-la quand on vous confirme l’accès.',
      ],
    ],
  },
  {
    symptoms: [
      'The case management system refuses your sign-in or shows a blank page.',
      'Le système de gestion des dossiers refuse votre connexion ou affiche une page vide.',
    ],
    steps: [
      [
        'Open it from the intranet link, not an old bookmark.',
        'Ouvrez-le à partir du lien de l’intranet, et non d’un ancien favori.',
      ],
      [
        'Sign in with your work account; the system uses single sign-on.',
        'Ouvrez une session avec votre compte professionnel; le système utilise l’authentification unique.',
      ],
      [
        'If the page stays blank, clear the browser cache for the site and try again.',
        'Si la page reste vide, videz le cache du navigateur pour ce site et réessayez.',
      ],
    ],
  },
];
