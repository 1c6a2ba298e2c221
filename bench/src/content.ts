// French vocabulary for the synthetic organisation: what outreach teams actually write (names with
// accents, places, administrative steps, care notes), so that sizes, UTF-8 and search behave as on
// real data. Every list is fixed: changing one changes every generated organisation (bump
// GENERATOR_VERSION in generator.ts).

export const FIRST_NAMES = [
  'Amélie', 'Benoît', 'Céline', 'Clément', 'Chloé', 'Désiré', 'Élodie', 'Émile', 'Étienne', 'François',
  'Frédéric', 'Gaëlle', 'Hélène', 'Jérôme', 'Joël', 'Léa', 'Léon', 'Loïc', 'Maëlle', 'Mélanie',
  'Noémie', 'Raphaël', 'Rémi', 'Sébastien', 'Stéphane', 'Thérèse', 'Zoé', 'Anaïs', 'Inès', 'Aurélien',
  'Cédric', 'Mathéo', 'Jean-Michel', 'Marie-Hélène', 'Gérard', 'Josiane', 'Régis', 'Ginette', 'Hervé', 'Solène',
  'Mohamed', 'Fatoumata', 'Abdoulaye', 'Ioana', 'Mihai', 'Yasmina', 'Karim', 'Aïcha', 'Oumar', 'Bogdan',
  'Nadia', 'Souleymane', 'Mamadou', 'Khadija', 'Tarek', 'Awa', 'Dragoș', 'Ștefan', 'Olena', 'Dmytro',
  'Youssef', 'Mériem', 'Ibrahima', 'Nour', 'Ahmed', 'Saïd', 'Zineb', 'Kévin', 'Jordan', 'Océane',
] as const;

export const LAST_NAMES = [
  'Lefèvre', 'Mercier', 'Dupré', 'Gérard', 'Lemaître', 'Bénard', 'Chevalier', 'Fontaine', 'Rousseau', 'Faure',
  'Girard', 'Boyer', 'Lambert', 'Bonnet', 'Fournier', 'Morel', 'Roussel', 'Lévêque', 'Ménard', 'Dufresne',
  'Brûlé', 'Côté', 'Delacroix', 'Hébert', 'Pétain-Lacour', 'Besançon', 'Lefranc', 'Aubé', 'Thibaud', 'Guérin',
  'Traoré', 'Diallo', 'Koné', 'Camara', 'Sissoko', 'Popescu', 'Ionescu', 'Benali', 'Haddad', "N'Diaye",
  'Ould Ahmed', 'Bensaïd', 'Mansouri', 'Kovalenko', 'Şahin', 'Da Silva', 'Gonçalves', 'Nguyễn', 'Le Goff', 'Kerhervé',
] as const;

export const NICKNAMES = [
  'Le Grand', 'Titi', 'Mimi', 'Jojo', 'Le Breton', 'Pépé', 'La Môme', 'Kiki', 'Doudou', 'Le Chti',
  'Nanou', 'Bébert', 'Loulou', 'Fanfan', 'Le Roumain', 'Capitaine', 'Dédé', 'Momo', 'La Puce', 'Tonton',
] as const;

export const STREETS = [
  'rue de la République', 'avenue Jean-Jaurès', 'boulevard de Ménilmontant', 'quai de Valmy', "place de l'Église",
  'rue du Faubourg-Saint-Denis', 'impasse des Lilas', 'allée des Châtaigniers', 'rue Émile-Zola', 'cours Gambetta',
  'rue de la Pépinière', 'avenue du Général-Leclerc', 'rue Myrha', 'boulevard de la Chapelle', 'rue des Récollets',
  'chemin du Moulin', 'place Stalingrad', 'rue de Belleville', 'quai de la Gironde', 'rue Léon-Frot',
] as const;

export const CITIES = [
  '75010 Paris', '75018 Paris', '75019 Paris', '75020 Paris', '13001 Marseille', '13003 Marseille',
  '69007 Lyon', '59000 Lille', '31000 Toulouse', '42000 Saint-Étienne', '25000 Besançon', '30000 Nîmes',
  '45000 Orléans', '91000 Évry-Courcouronnes', '94000 Créteil', '93300 Aubervilliers', '93100 Montreuil',
  '93200 Saint-Denis', '33000 Bordeaux', '67000 Strasbourg',
] as const;

export const PLACES = [
  'Gare du Nord', 'parvis de la mairie', 'square Villemin', 'sous le pont de Bercy', 'accueil de jour Émile-Zola',
  'laverie de la rue Myrha', 'parking du Carrefour', 'porte de la Chapelle', 'jardin d’Éole', 'halle de la gare',
  'berges du canal Saint-Martin', 'église Saint-Laurent', 'station Barbès-Rochechouart', 'bibliothèque municipale',
  'camp sous le périphérique', 'hall de l’hôpital Lariboisière', 'marché de Belleville', 'square des Batignolles',
] as const;

export const TERRITORIES = [
  'Secteur gare', 'Canal Saint-Martin', 'Porte de la Chapelle', 'Centre-ville', 'Quartier Belleville',
  'Bords de Seine', 'Zone commerciale nord', 'Périphérique est',
] as const;

export const TEAM_NAMES = [
  'Maraude de jour', 'Maraude de nuit', 'Équipe mobile santé', 'Accueil de jour', 'Équipe précarité jeunes',
  'Maraude du week-end', 'Équipe bords de Seine', 'Équipe gare', 'Équipe hivernale', 'Équipe insertion',
] as const;

export const ACTION_TITLES = [
  'Accompagnement à la CPAM', "Renouvellement de l'AME", 'Rendez-vous médecin généraliste', 'Demande de domiciliation au CCAS',
  'Ouverture des droits RSA', "Refaire la pièce d'identité", 'Appel au SIAO pour une place', 'Rendez-vous chez le dentiste',
  'Ouverture d’un compte bancaire', 'Dossier de logement social (DALO)', 'Orientation vers la PASS', 'Suivi addictologie au CSAPA',
  'Récupérer des vêtements chauds', 'Prise de sang au laboratoire', 'Renouvellement du titre de séjour', 'Rendez-vous à France Travail',
  'Soins de plaie au pied', 'Accompagnement aux Restos du cœur', 'Demande de carte Solidarité Transport', 'Visite à l’hôpital Bichat',
  'Contacter la famille à Rouen', 'Récupérer le courrier à l’association', 'Dossier MDPH', 'Rendez-vous ophtalmologue',
] as const;

/** Sentences of notes; `{p}` is a first name, `{l}` a place, `{h}` a time, `{j}` a weekday. */
export const NOTE_SENTENCES = [
  'Rencontré au point habituel ({l}), il dit avoir dormi dehors toute la semaine.',
  'Demande d’aide pour renouveler sa carte Vitale, rendez-vous pris à la CPAM {j} à {h}.',
  'Orientée vers l’accueil de jour pour une douche et un petit-déjeuner.',
  'Signale des douleurs au pied droit ; à revoir avec l’infirmière de l’équipe.',
  'Pas de domiciliation à ce jour : démarche à lancer au CCAS.',
  'A reçu un duvet, une couverture de survie et un kit d’hygiène.',
  'Souhaite reprendre contact avec sa sœur, qui vit à Rouen.',
  'Appel au 115 sans succès, pas de place d’hébergement ce soir.',
  '{p} était de bonne humeur, on a pris un café ensemble (lieu : {l}).',
  'Semble très fatigué, tousse beaucoup ; proposer une consultation à la PASS.',
  'Nous a parlé de son ancien travail de maçon et de ses enfants.',
  'Refuse pour l’instant toute orientation vers un hébergement collectif.',
  'A perdu ses papiers lors de l’évacuation du campement ; déclaration de perte à faire.',
  'Rendez-vous fixé {j} à {h} pour l’accompagner, point de rencontre : {l}.',
  'Inquiétude de l’équipe : propos confus, à signaler à l’équipe mobile psychiatrie.',
  'Distribution de repas chauds et de bouteilles d’eau, {p} en a pris pour son voisin.',
  'Le chien de {p} a besoin d’un vétérinaire ; contact pris avec une association.',
  'Il a retrouvé une place en foyer, à confirmer auprès du SIAO.',
  'Pas vu depuis dix jours, ni par nous ni par les commerçants du secteur ({l}).',
  'Elle demande des protections hygiéniques et des chaussettes, taille 38.',
  'A ouvert ses droits au RSA, premier versement attendu le mois prochain.',
  'Conflit avec un autre occupant du campement, calme à notre départ.',
  'Traitement pris régulièrement selon lui ; ordonnance à renouveler avant {j}.',
  'Très isolé, souhaite qu’on repasse le voir plus souvent.',
  'Accompagné à la laverie, puis au vestiaire solidaire.',
  'Nous dit avoir été hospitalisé trois jours à Lariboisière la semaine dernière.',
  'Ne parle pas bien français ; échange en roumain grâce à {p}, bénévole de l’équipe.',
  'Proposition d’un rendez-vous au centre de santé, acceptée avec réticence.',
  'Froid intense cette nuit : mise à l’abri proposée, refusée, couverture donnée.',
  'Démarches de titre de séjour en cours, récépissé valable jusqu’à fin {j}.',
  'Souhaite arrêter l’alcool, orientation vers le CSAPA le plus proche.',
  'Très content d’avoir récupéré son téléphone, nouveau numéro noté.',
  'La mairie prévoit une évacuation du square la semaine prochaine ; prévenir les personnes.',
  'Transmission à l’équipe de nuit : passer vers {h}, secteur {l}.',
  'Échange long et apaisé, il évoque un projet de retour vers sa région d’origine.',
] as const;

/** What a person file's « Alertes » says: short, shown as a banner. */
export const ALERTS = [
  'Allergie à la pénicilline.',
  'Ne pas appeler avant 10 h : travaille la nuit.',
  'Chien parfois agressif, approcher doucement.',
  'Diabétique : toujours proposer de l’eau et un en-cas.',
  'Demande à être appelée par son surnom.',
  'Épilepsie : en cas de crise, appeler le 15.',
  'Ne veut pas que sa famille soit contactée.',
  'Mesure de protection (curatelle) : contacter le curateur avant toute démarche.',
] as const;

/** How a territory's perimeter is described in the field. */
export const PERIMETERS = [
  'Entre la gare et le canal, côté parvis.',
  'Sous le pont, des deux côtés de la voie.',
  'Le square et les rues autour, jusqu’au marché.',
  'Tout le long des berges, de l’écluse au pont.',
  'La zone commerciale et le parking du supermarché.',
  'Les entrées de métro et la place.',
] as const;

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** "é" → "e" etc., for e-mail addresses. */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
