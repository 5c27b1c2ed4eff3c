// Raw review pages of Room (2015), written for the tests in the shape of real pages: a blog post
// copied from a browser (menu, byline, stars, share bar, tags, comments), a newspaper page (a menu in
// capitals, standfirst, credits block), a Markdown diary entry and a festival dispatch. The title is
// an ordinary word (“the room”), and the tests never saw this film elsewhere.

export const ROOM_PAGES: Record<string, string> = {
  'room-copied-blog.txt': `Skip to content
The Long Take — Home | Reviews | Festivals | Podcast | About
Search…

Room review: a whole world in eleven square feet
By Tomasz Wierzbicki
October 16, 2015
★★★★½

Share on Facebook   Tweet   Pin it   Email

For its first forty minutes Room never leaves the shed. Jack (Jacob Tremblay) has just turned five, and the garden shed where he lives with his mother is the only world he has known: Wardrobe, Sink, Skylight, Rug. He says good morning to each of them. Ma (Brie Larson) has made a childhood out of almost nothing, and Lenny Abrahamson films it from Jack’s height, so that the room feels, for a while, like enough.

It is not enough, of course. Old Nick (Sean Bridgers) comes at night, and Jack counts the creaks of the bed from inside the wardrobe. Brie Larson plays Ma as someone who has been brave for seven years and is running out of it; watch her face when Jack asks why the television people are not real.

The escape, when it comes, is the most frightening sequence I have seen this year — a rug, a truck, a boy who has never seen the sky. Jacob Tremblay is astonishing in it. After that the film becomes something stranger and sadder: Ma and Jack in her parents’ house, Nancy (Joan Allen) making up a bed, Robert (William H. Macy) unable to look at his grandson. Jack misses Room. Ma cannot forgive the world for going on without her.

Emma Donoghue adapted her own novel, and she knows that the story is Jack’s. Room is about what a mother gives and what it costs her; it is the rare film about captivity that is really about freedom, and about how frightening freedom is. 🎈

Tag: Brie Larson
Tag: Jacob Tremblay
Tag: Lenny Abrahamson

Related posts
  Brooklyn review: a letter home
  Spotlight review: the slow work of truth

Subscribe to our newsletter
We use cookies to improve your experience. Accept

12 Comments
Leave a comment
© 2015 The Long Take. All rights reserved.
`,
  'room-festival.txt': `TIFF 2015: ‘Room’ wins the People’s Choice Award — our review
Festival Dispatch · Sept. 20, 2015 · by Kwame Mensah
Score: 8/10

Home  »  Festivals  »  TIFF 2015

Lenny Abrahamson’s Room, adapted by Emma Donoghue from her bestseller, took the People’s Choice Award tonight, and the audience I saw it with was in tears by the end of the first act. Brie Larson plays Joy Newsome, called Ma by her son, held for seven years in a backyard shed by the man Jack knows only as Old Nick. Jacob Tremblay, nine when he made it, plays Jack as a boy for whom the room is the universe.

Larson and Tremblay are the whole film in its first hour. When Ma rolls Jack into a rug and he escapes onto a pickup truck, the camera shakes with his panic and then stops, stunned, under an open sky.

Joan Allen and William H. Macy, as Joy’s divorced parents Nancy and Robert, are given less to do but do it beautifully. Tom McCamus is warm as Leo. Abrahamson’s Room is a film about love under pressure, and about the courage it takes to be free.

Share: Facebook | X | Reddit | Email
Related: TIFF 2015 winners — the full list
Sign up for Festival Dispatch daily
`,
  'room-letterboxd.md': `# Room (2015) — notes after a second viewing

*Grade: A-* · posted by **Ines Carvalho** on 2016-01-30

Watched again tonight, this time knowing what happens, and it is even harder the second time.

The first half is Jack’s world. Jacob Tremblay narrates, and the film lets us believe, with him, that Room is all there is. Ma teaches him to read, to exercise, to brush his teeth; Brie Larson makes every lesson a small act of defiance. When Ma decides they must escape, she has to tell Jack that the world outside is real, and Jack does not believe her.

The second half is the world’s reaction to Jack. Grandma Nancy (Joan Allen) and her partner Leo (Tom McCamus) are kind; Joy’s father Robert (William H. Macy) is not, or cannot be. The scene at the dinner table, where Robert will not look at Jack, is the cruellest in the film. Jack, meanwhile, makes a friend of Leo’s dog, and slowly lets the world in.

What Lenny Abrahamson understands is that Jack’s freedom and Ma’s are not the same thing. Jack loses a world; Ma gets hers back, broken. Brie Larson won the Oscar for it, and she earned it in the quiet scenes, not the loud ones.

Favourite moment: Jack saying goodbye to Room — to Wardrobe, to Plant, to Sink — and asking Ma to say goodbye too.

Tags: drama, captivity, motherhood, 2015
Liked by 48 people · 3 comments
`,
  'room-newspaper.txt': `MENU   NEWS   SPORT   ARTS   OPINION   Subscribe   Sign in
Arts › Film

Movie review: ‘Room’ finds the light in a locked shed
Brie Larson and Jacob Tremblay are extraordinary as a mother and son held captive for years.

By Harriet Osei
Published October 23, 2015 · Updated October 24, 2015
Rating: 3.5/4

Room
Directed by Lenny Abrahamson
Written by Emma Donoghue, based on her novel
Starring: Brie Larson, Jacob Tremblay, Joan Allen, Sean Bridgers, William H. Macy
Rated R · 118 minutes

There is a moment, about halfway through “Room,” when a five-year-old boy sees the sky for the first time, and the movie holds on his face long enough for us to remember what that must be like. It is the hinge of the film and of Jacob Tremblay’s performance, which is one of the finest by a child actor in years.

Jack was born in the shed where his mother, Joy Newsome, has been held since she was seventeen. She calls herself Ma; he has never had reason to call her anything else. Brie Larson’s Ma is fierce, funny, exhausted, and finally broken, and Larson never asks for our sympathy. When Joy is back in her mother’s kitchen, Joan Allen’s Nancy tries to make room for both of them, and the film finds its quiet second subject: what happens to a family after a rescue.

Sean Bridgers gives Old Nick a terrible ordinariness. He is not a monster in a mask; he buys groceries and worries about his job. That is worse.

Abrahamson and cinematographer Danny Cohen keep the camera close, and the score by Stephen Rennicks is spare. Nothing is underlined. “Room” trusts its audience, and its audience will not forget it.

Share this article   Facebook   Twitter   WhatsApp   Copy link
More in Film
  The best movies of 2015 so far
Advertisement
Most read
Comments are closed for this article.
© 2015 The Daily Courier
`,
};
