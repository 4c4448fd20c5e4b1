"""The first charter published by bootstrap (French first, English below: bilingual-ready)."""

TITLE = "Charte des ambassadeurs / Ambassador charter"

BODY = """\
# Charte des ambassadeurs

Relais rassemble les collaborateurs qui parlent de l'entreprise sur les réseaux sociaux.
Participer est **volontaire, transparent et révocable**.

1. **Je parle en mon nom.** Mes comptes restent les miens ; je précise, quand c'est utile,
   que je travaille pour l'entreprise.
2. **Je respecte la confidentialité.** Aucune information interne, client ou partenaire
   n'est publiée sans accord.
3. **Je reste courtois et exact.** Je corrige mes erreurs et je cite mes sources.
4. **Je choisis ce que je partage.** Les messages proposés sont des suggestions : je peux
   les adapter ou ne pas les utiliser.
5. **Mon consentement est daté et révocable.** Je peux retirer à tout moment mon profil
   ou un compte de la page publique ; le retrait est immédiat.
6. **Relais ne me demande jamais mes mots de passe** ni d'accès à mes comptes.

---

# Ambassador charter

Relais brings together the employees who talk about the company on social media.
Taking part is **voluntary, transparent and revocable**.

1. **I speak for myself.** My accounts remain mine; when useful, I say that I work for the
   company.
2. **I respect confidentiality.** No internal, client or partner information is published
   without agreement.
3. **I stay courteous and accurate.** I correct my mistakes and cite my sources.
4. **I choose what I share.** Suggested messages are suggestions: I may adapt them or not
   use them.
5. **My consent is dated and revocable.** I can withdraw my profile or any account from the
   public page at any time; withdrawal takes effect at once.
6. **Relais never asks for my passwords** or for access to my accounts.
"""
