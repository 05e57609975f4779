/**
 * Common given names with the pronoun they usually take. A "Given Surname" pair is the
 * cheapest reliable sign of a person in German text, where every noun is capitalised.
 * Unknown given names still work through role prefixes, speaker slots and entities.
 */
const MALE = `
  Jonas Lukas Leon Finn Paul Felix Max Maximilian Elias Noah Ben Tim Tom Jan Niklas Nico Moritz
  David Daniel Simon Tobias Florian Sebastian Stefan Markus Michael Thomas Andreas Christian
  Matthias Martin Peter Frank Jens Uwe Jürgen Dirk Holger Ralf Sven Kai Lars Malte Henrik Ole
  Hannes Johannes Julian Fabian Philipp Benedikt Dominik Marcel Kevin Dennis Patrick Robin
  Marco Mario Luca Leonardo Mateo Carlos Diego Javier Miguel Pedro Rafael Luis Andrés Ivan
  Igor Piotr Tomasz Marek Milan Goran Emre Mehmet Ahmet Yusuf Ali Omar Karim Samuel Jakob
  John James Robert William Richard Joseph Charles George Edward Harry Oliver Jack Jacob
  Thomas Henry Alfie Ethan Liam Mason Logan Lucas Ryan Aaron Adam Callum Connor Declan Ewan
  Gareth Owen Rhys Kieran Marcus Nathan Luke Mark Matt Matthew Chris Steve Steven Gary Neil
  Ian Alan Colin Graham Stuart Craig Scott Dean Jamie Joe Sam Ben Dan Tony Rob Nick Hugo
  Oskar Anton Emil Theo Arne Bastian Carsten Detlef Gerd Heiko Ingo Jörg Knut Lutz Nils Rolf
  Sascha Timo Torsten Volker Wolfgang Yannick Konstantin Vincent Valentin Erik Björn Mats
`;

const FEMALE = `
  Jana Lena Anna Laura Lea Leonie Sophie Sophia Marie Maria Emma Mia Hannah Lina Clara Klara
  Julia Katharina Sarah Sara Lisa Nina Miriam Melanie Sabine Petra Claudia Andrea Susanne
  Stefanie Christina Kristina Nadine Jasmin Franziska Johanna Carolin Caroline Charlotte
  Paula Greta Ida Frieda Pia Merle Maren Ines Birgit Heike Karin Monika Ute Anke Silke Tanja
  Alexandra Vanessa Jessica Jennifer Nicole Daniela Kathrin Britta Svenja Ronja Marlene
  Elena Sofia Lucia Carmen Ana Paola Giulia Chiara Agnieszka Katarzyna Magdalena Ewa Zofia
  Elif Ayşe Fatma Leyla Amira Yasmin Emily Olivia Amelia Isla Ava Grace Chloe Ella Lily
  Jessica Lucy Ellie Megan Holly Rachel Rebecca Emma Kate Katie Sophie Hannah Zoe Abigail
  Amy Helen Claire Fiona Karen Susan Sally Joanne Louise Victoria Harriet Imogen Freya Niamh
  Siobhan Aoife Eva Eve Mila Luisa Lotte Thea Alma Rosa Helene Jule Finja Tessa Wiebke
`;

const build = (names: string, gender: 'm' | 'f') =>
  names
    .trim()
    .split(/\s+/)
    .map((n) => [n, gender] as const);

export const GIVEN_NAMES: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...build(MALE, 'm'),
  ...build(FEMALE, 'f'),
]);
