#!/usr/bin/env python3
"""Generate Sources/ConflictExtraction/Resources/dictionaries/given_names.tsv.

Sources:
  * first-name lists of the `faker` PyPI package (MIT licence, https://github.com/joke2k/faker),
    Latin-script locales taken as they are, `uk_UA` and `ru_RU` transliterated to the usual
    English spellings (several variants per name);
  * hand-written lists below (conflictdb authors): Ukrainian/Russian/Belarusian press spellings,
    Arabic, Persian, Chinese, Georgian, Armenian, Azerbaijani, Hebrew, Korean, Japanese names;
  * filters: words that are ordinary lowercase English words (Debian `wamerican`,
    /usr/share/dict/words, if installed), country and region names (Debian `iso-codes`, if
    installed), one-word names from the project's countries.tsv and places.tsv (except a few common
    given names such as Douglas or Stanley) and a hand-written stop list.

Usage: python3 -m venv /tmp/fk && /tmp/fk/bin/pip install faker && apt-get install wamerican iso-codes
       /tmp/fk/bin/python scripts/gen_given_names.py > .../given_names.tsv
"""
import importlib, itertools, json, os, sys, unicodedata

LATIN_LOCALES = ["en", "en_US", "en_GB", "en_IE", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE",
    "it_IT", "es_ES", "pt_PT", "pt_BR", "nl_NL", "da_DK", "sv_SE", "no_NO", "fi_FI", "pl_PL", "cs_CZ",
    "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "lt_LT", "lv_LV", "et_EE", "tr_TR", "az_AZ", "uz_UZ",
    "en_PK", "ha_NG"]

def faker_names(loc):
    try:
        P = importlib.import_module(f"faker.providers.person.{loc}").Provider
    except Exception:
        return set()
    out = set()
    for attr in ("first_names", "first_names_male", "first_names_female"):
        v = getattr(P, attr, None)
        if isinstance(v, (list, tuple, set, dict)):
            out.update(v.keys() if isinstance(v, dict) else v)
    return out

# ---- Cyrillic transliteration ------------------------------------------------------------------
VOWELS = set("аеєиіїоуюяыэё")
def translit_uk(name, soft):   # soft=True: KMU 2010 (Andrii, Tetiana); False: y-style (Andriy, Tetyana)
    s = name.lower(); out = []
    for i, ch in enumerate(s):
        initial = i == 0
        m = {"а":"a","б":"b","в":"v","г":"h","ґ":"g","д":"d","е":"e","ж":"zh","з":"z","и":"y","і":"i",
             "к":"k","л":"l","м":"m","н":"n","о":"o","п":"p","р":"r","с":"s","т":"t","у":"u","ф":"f",
             "х":"kh","ц":"ts","ч":"ch","ш":"sh","щ":"shch","ь":"","'":"","’":""}
        if ch in m: out.append(m[ch]); continue
        if ch == "є": out.append("ye" if initial or not soft else "ie")
        elif ch == "ї": out.append("yi" if initial or not soft else "i")
        elif ch == "й": out.append("y" if initial or not soft else "i")
        elif ch == "ю": out.append("yu" if initial or not soft else "iu")
        elif ch == "я": out.append("ya" if initial or not soft else "ia")
        else: out.append(ch)
    return "".join(out)

def translit_ru(name, opt):
    e_init, iy, ey, ks, ya_soft, yo = opt
    s = name.lower(); out = []
    for i, ch in enumerate(s):
        prev = s[i-1] if i else ""
        nxt = s[i+1:]
        after_vowel = prev in VOWELS or prev in "ьъ" or i == 0
        if ch == "и" and nxt == "й":
            out.append({"iy":"iy","y":"y","i":"i","ii":"ii"}[iy]); continue
        if ch == "й" and prev == "и": continue
        if ch == "е" and nxt == "й" and i == len(s)-2:
            out.append("ei" if ey == "ei" else "ey"); continue
        if ch == "й" and prev == "е" and i == len(s)-1: continue
        if ch == "к" and nxt.startswith("с") and ks: out.append("x"); continue
        if ch == "с" and prev == "к" and ks: continue
        m = {"а":"a","б":"b","в":"v","г":"g","д":"d","ж":"zh","з":"z","и":"i","й":"y","к":"k","л":"l",
             "м":"m","н":"n","о":"o","п":"p","р":"r","с":"s","т":"t","у":"u","ф":"f","х":"kh","ц":"ts",
             "ч":"ch","ш":"sh","щ":"shch","ъ":"","ы":"y","ь":"","э":"e"}
        if ch in m: out.append(m[ch]); continue
        if ch == "е": out.append("ye" if (after_vowel and e_init) else "e")
        elif ch == "ё": out.append(("yo" if after_vowel else "yo") if yo else "e")
        elif ch == "ю": out.append("yu" if (after_vowel or not ya_soft) else "iu")
        elif ch == "я": out.append("ya" if (after_vowel or not ya_soft or prev == "ь") else "ia")
        else: out.append(ch)
    return "".join(out)

def ru_variants(name):
    res = set()
    for opt in itertools.product([True, False], ["iy", "y", "i", "ii"], ["ei", "ey"], [False, True],
                                 [False, True], [True, False]):
        res.add(translit_ru(name, opt))
    # drop the rarest mixes: "ii" endings only with plain ks
    return res

def cap(s):
    return "-".join(p[:1].upper() + p[1:] for p in s.split("-"))

# ---- hand-written lists ------------------------------------------------------------------------
HAND = """
Volodymyr Vladimir Volodimir Wolodymyr Oleksandr Olexandr Oleksander Alexander Aleksandr Alexandr Aleksander
Oleksandra Alexandra Aleksandra Oleksiy Oleksii Olexiy Alexei Aleksei Aleksey Alexey Alexi Andriy Andrii Andrij Andrei
Andrey Andre Dmytro Dmitro Dmitry Dmitri Dmitriy Dmitrii Mykhailo Mykhaylo Mikhail Mikhailo Mychajlo Yuriy Yurii Yuri
Yury Yurij Iurii Serhiy Serhii Serhij Sergiy Sergii Sergei Sergey Sergej Kyrylo Kirill Kiril Kyrill Iryna Irina Olena
Yelena Elena Alena Tetiana Tetyana Tatiana Tatyana Tatjana Taras Bohdan Bogdan Petro Pyotr Pytor Mykola Nikolai Nikolay
Nikolaj Vitaliy Vitalii Vitaly Vitali Vitalij Viktor Victor Vadym Vadim Ruslan Rustem Rustam Denys Denis Yevhen Yevgen
Ievgen Evgen Yevgeny Yevgeniy Evgeny Evgeni Evgeniy Yevgenia Yevheniia Yevheniya Ihor Igor Ivan Ivanna Anatoliy Anatolii
Anatoly Anatoli Valeriy Valerii Valery Valeri Valerij Vasyl Vasily Vasiliy Vasili Vasilii Hennadiy Hennadii Gennady
Gennadiy Gennadi Heorhiy Heorhii Georgy Georgiy Georgii Georgi Hryhoriy Hryhorii Grigory Grigoriy Grigori Mykyta Nikita
Pavlo Pavel Paul Roman Stepan Stefan Fedir Fyodor Fedor Feodor Yaroslav Iaroslav Yaroslava Vsevolod Sviatoslav
Svyatoslav Svyatoslav Stanislav Rostyslav Rostislav Volodymyra Oleh Oleg Olga Olha Olhа Liudmyla Lyudmyla Lyudmila
Ludmila Liudmila Natalia Nataliya Natalya Natalie Nataliia Kateryna Katerina Ekaterina Yekaterina Yuliia Yulia Yuliya
Julia Iuliia Anastasiia Anastasiya Anastasia Daria Daryna Darya Dariia Mariia Mariya Maria Maryna Marina Svitlana
Svetlana Sviatlana Oksana Halyna Galina Hanna Ganna Anna Inna Alla Larysa Larisa Nadiya Nadia Nadezhda Nadiia Viktoria
Viktoriia Viktoriya Victoria Veronika Vira Vera Liubov Lyubov Lubov Valentyna Valentina Zoya Zoia Solomiia Solomiya
Khrystyna Kristina Christina Khrystyna Ulyana Uliana Yana Iana Alina Alisa Polina Sofiia Sofiya Sofia Zlata Diana Lesia
Lesya Oles Ostap Maksym Maxim Maksim Maxym Artem Artyom Artem Arseniy Arsenii Arseny Danylo Danila Daniil Illia Ilya
Ilia Illya Yehor Egor Yegor Matviy Matvii Matvei Matvey Zakhar Timur Tymur Tymofiy Tymofii Timofey Timofei Kostiantyn
Kostyantyn Konstantin Constantine Valentyn Valentin Leonid Borys Boris Emil Eduard Edward Arkadiy Arkady Arkadii Semen
Semyon Semion Yakiv Yakov Yosyp Iosif Osyp Ilarion Hlib Gleb Marko Markiyan Markian Nazar Nazariy Orest Lubomyr
Liubomyr Lyubomyr Myroslav Miroslav Myroslava Yevheniy Radyslav Vladyslav Vladislav Vlad Vladlen Vsevolod Zinoviy
Kuzma Kuzman Fedot Foma Khariton Platon Prokhor Rodion Savva Saveliy Savely Taisiya Tamara Raisa Rimma Zinaida Nina
Klavdia Klavdiya Evdokia Yevdokia Agafya Ulyana Vasilisa Milana Miroslava Lidiya Lidia Lydia Nonna Asya Elvira Emilia
Albina Regina Ramzan Akhmad Akhmat Apti Adam Magomed Magomet Kadyr Murad Ruslanbek Islam Shamil Sergo Dzhokhar Dzhabrail
Aliaksandr Alyaksandr Aliaksei Aliaksey Alyaksei Siarhei Siarhey Sergey Uladzimir Uladzislau Mikalai Mikola Viktar
Pavel Maryia Tatsiana Tatsyana Volha Yauhen Yauheni Dzmitry Dzmitri Raman Ihar Artsiom Artsem Kanstantsin Valiantsin
Anatol Leanid Natallia Natalla Veranika Palina Katsiaryna Katsyaryna Yuliya Ales Alies Franak Zianon Stanislau
Mohammed Muhammad Mohamed Mohammad Muhammed Mohamad Mehmet Mahmoud Mahmud Ahmed Ahmad Ahmet Abdullah Abdallah Abdulla
Abdul Abdulaziz Abdelaziz Abdulrahman Abdelrahman Abdurrahman Faisal Feisal Fahd Fahad Khalid Khaled Sultan Salman Saud
Turki Bandar Nayef Naif Tamim Hamad Hamid Hamed Hassan Hasan Hussein Husain Hussain Huseyn Ali Omar Umar Ömer Osman
Othman Uthman Youssef Yousef Yusuf Youssouf Yousif Ibrahim Ebrahim Ismail Ismael Isa Issa Musa Mousa Moussa Yahya Zayed
Zayid Mansour Mansur Nasser Naser Saif Sayf Sheikh Majid Majed Maged Rashid Rashed Tahnoun Tahnoon Hamdan Mohamed
Abdelfattah Fattah Anwar Gamal Jamal Jamil Kamal Karim Kareem Nabil Nabih Najib Nasrallah Rami Rania Reem Rima Salim
Salem Sami Samir Tarek Tariq Walid Waleed Wael Yasser Yasir Yaser Ziad Zaid Zeid Adel Adil Ayman Aymen Amr Amro Bashar
Basil Bassam Emad Imad Fadi Fouad Fuad Ghassan Haitham Haytham Hisham Jawad Jihad Kamel Lotfi Marwan Mazen Mounir Munir
Mustafa Mostafa Moustafa Nabil Nizar Nouri Nuri Qassem Qasim Radwan Riad Riyad Saad Saeed Said Sayed Sharif Taha Talal
Tawfiq Taufiq Yazan Zakaria Zakariya Zuhair Aisha Aysha Ayesha Fatima Fatma Fatemeh Khadija Maryam Mariam Noor Nour
Nura Noura Layla Leila Laila Leyla Lina Hala Huda Amal Amira Ameera Dalia Dana Farah Hanan Hind Jamila Lubna Manal Mona
Muna Nadia Nawal Rasha Rula Salma Samira Sara Sarah Suha Wafa Yasmin Yasmine Yasmina Zainab Zaynab Zeina Zeinab Lulwah
Lolwah Majed Mishaal Misha'al Meshal Abdulrahim Abdulkarim Abdulhamid Abdulmajid Abdelkader Abdelmadjid Abdel Houthi
Recep Tayyip Hakan Mevlut Mevlüt Hulusi Ibrahim Kalin Ilnur Ümit Umit Numan Kemal Kılıçdaroğlu Devlet Binali Süleyman
Suleyman Suleiman Sulejman Yaşar Yasar Ekrem Mansur Selahattin Ahmet Davutoglu Cevdet Cevdet Bekir Binali Efkan Fahrettin
Ibrahim Ömer Omer Numan Nihat Nurettin Taner Volkan Yılmaz Yilmaz Emine Sümeyye Sumeyye Esra Merve Zeynep Elif Ayşe
Ayse Hatice Gül Gul Meral Tansu Sevda Selin Özlem Ozlem Burak Emre Mert Onur Cem Serkan Oguz Oğuz Tuncay Kaan
Ebrahim Hassan Hossein Hosein Hussein Masoud Massoud Mahmoud Abbas Ali Reza Alireza Mohammadreza Mohammad Javad Jawad
Hamid Hamed Kazem Kazim Mojtaba Mostafa Mehdi Mahdi Majid Saeed Said Jalil Javad Amir Hossein Amirhossein Abdollahian
Hojjat Hojatollah Ruhollah Ruhollah Esmaeil Esmail Ismail Gholam Gholamreza Gholamhossein Qassem Qasem Ghasem Yahya
Mohsen Mohsin Nasser Naser Parviz Pezeshkian Masud Kamal Kamaleddin Bahram Cyrus Kourosh Dariush Darius Farhad Farid
Farzad Fereydoun Hassan Hormoz Iraj Jamshid Kaveh Keyvan Mansour Manouchehr Mehran Mehrdad Morteza Nader Omid Payam
Pouya Ramin Reza Saman Shahram Shahrokh Siamak Sohrab Vahid Arash Babak Behrouz Behzad Bijan Ehsan Hadi Hadis Mahsa
Maryam Mina Nasrin Neda Niloufar Parisa Roya Sahar Shirin Soraya Tahmineh Zahra Zohreh Fariba Golnar Azadeh Ladan
Jinping Keqiang Qiang Yi Lijian Wenbin Ning Hui Jun Wei Ming Lei Jie Tao Hong Ying Yan Xin Jing Fang Hao Yong Gang Bo
Chao Peng Bin Feng Qing Xiaoming Yuhuan Chunying Zhaoxu Dongfang Xiaodong Jiechi Xuanyou Huning Zhengsheng Lifeng
Zemin Jintao Yunshan Kang Shuang Geng Hua Zhang Wang Liu Chen Yang Zhao Huang Zhou Xu Sun Zhu Guo Gao Luo Zheng Liang
Xie Tang Feng Deng Cao Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Cheng Wei Su Ding Shen Yao Cui Zhong Tan Jin Shi
Liao Jia Xia Qin Qiu Hou Xue Duan Lei Qian Kong Mao Xi Li Lu Hu Wu Ma Yu
Irakli Giorgi Mikheil Mikhail Salome Bidzina Nika Levan Zurab Davit David Tamar Nino Ana Mamuka Kakha Kakhaber Grigol
Tornike Lasha Beka Shalva Ilia Tengiz Gela Otar Vakhtang Revaz Zviad Nodar Khatia Ketevan Eka Tea Maia Natia Tamta Giga
Gocha Papuna Giorgos Zaza Gia Dato Temur Soso Iagor Tinatin Tina Manana Nana Marika Sophio Sopo Mariam Elene Teona
Nikol Ararat Armen Vahagn Ashot Hovhannes Tigran Narek Gevorg Karen Serzh Robert Levon Aram Arsen Mher Hayk Vardan Suren
Samvel Artur Arman Ruben Sargis Grigor Hrant Vahe Anahit Lilit Mane Armine Nune Gayane Siranush Zaruhi Astghik Ani
Arpine Shushan Lusine Hasmik Karine Ararat Mikael Mnatsakan Hakob Hamlet Rafik Ruben Sos Anna Alen Edmon Eduard
Ilham Heydar Mehriban Jeyhun Ceyhun Hikmet Hikmat Elmar Ramiz Novruz Anar Elchin Elçin Rashad Rəşad Farid Javid Vugar
Elnur Aydin Aydın Tural Kamran Leyla Arzu Aynur Gunel Günel Sevinj Nigar Ulviyya Samir Rovshan Zakir Mukhtar Ramil
Shahin Şahin Emin Orkhan Fuad Elshad Azer Nizami Togrul Tugrul Mammad Mammadov Ogtay Oqtay Ali Asadov Inam Jeyhun
Benjamin Binyamin Yair Yoav Naftali Isaac Yitzhak Itzhak Gideon Gilad Ehud Avigdor Benny Bezalel Itamar Amichai Ron Ronen
Moshe Shimon Yossi Yosef Eli Avi Avraham Yaakov Dov Uri Ariel Amit Omer Tzipi Ayelet Miri Gila Orit Rivka Tamar
Yoon Moon Suk Yeol Jae Jong Un Yo Kim Sung Hyun Min Seung Kyung Jae-in Suk-yeol Jong-un Yo-jong Hee Young Ho Chul Woo
Kishida Fumio Shigeru Shinzo Yoshihide Yoshimasa Yoko Taro Kenji Hiroshi Takeshi Yuko Yuki Haruki Koji Sanae Toshimitsu
Katsunobu Hayashi Yoshihiko Akira Makoto Naoki Kenta Daisuke Satoshi Masahiro Tomoko Keiko Akiko Naoko Noriko Mariko
Narendra Rahul Sonia Subrahmanyam Jaishankar Ajit Rajnath Amit Nirmala Piyush Shashi Sushma Manmohan Arvind Yogi
Shehbaz Shahbaz Nawaz Imran Asim Bilawal Maryam Ishaq Khawaja Shah Mahmood Qureshi Asif Ayub Pervez Parvez Zardari
Lula Luiz Inacio Inácio Jair Cyril Jacob Thabo Abiy Uhuru William Bola Muhammadu Goodluck Olusegun Paul Yoweri Idriss
Kassym-Jomart Kassym Nursultan Shavkat Emomali Sadyr Serdar Gurbanguly Almazbek Islam Kairat Daniyar Askar Nurlan
Maia Igor Ion Iurie Vlad Dorin Natalia Andrei Mihai Nicolae Klaus Marcel Ludovic Dacian Crin Emil Traian Ilie
Viktor Péter Peter Zoltán Zoltan Gergely Balázs Balazs Judit Katalin Tamás Tamas Ferenc Gábor Gabor Márton Marton
Levente Csaba László Laszlo Sándor Sandor János Janos István Istvan Miklós Miklos Attila Szabolcs Zsolt Tibor Gyula
Andrzej Radosław Radoslaw Donald Władysław Wladyslaw Mateusz Zbigniew Jarosław Jaroslaw Krzysztof Przemysław
Przemyslaw Wojciech Paweł Pawel Grzegorz Bartosz Szymon Rafał Rafal Tomasz Marcin Michał Michal Łukasz Lukasz Dariusz
Mariusz Janusz Ryszard Lech Aleksander Bronisław Bronislaw Beata Małgorzata Malgorzata Agnieszka Elżbieta Elzbieta
Gitanas Gabrielius Kęstutis Kestutis Ingrida Dalia Linas Vytautas Algirdas Saulius Kaja Alar Margus Kristjan Jüri Juri
Edgars Krišjānis Krisjanis Evika Artūrs Arturs Egils Raimonds Rinkēvičs Andris Baiba Valdis Kārlis Karlis Māris Maris
Olaf Friedrich Annalena Robert Boris Christine Frank-Walter Ursula Josep Emmanuel Sébastien Sebastien Jean-Noël
Jean-Noel Jean-Yves Jean-Marc Jean-Pierre Jean-Luc Jean-Claude Stéphane Stephane Gabriel Catherine Élisabeth Elisabeth
Giorgia Antonio Guido Sergio Matteo Mario Pedro Josep Irene Kaja Mette Ulf Magnus Jonas Sanna Petteri Alexander
Keir Rishi Liz Theresa Grant Shapps Ben Wallace Healey James David Lammy Yvette Rachel Jonathan Kemi
Antony Jake Lloyd Kamala JD Marco Pete Steve Steven Kash Tulsi Kristi Susie Mike Michael Keith Dan Daniel Scott Howard
Jared Ivanka Hunter Joe Joseph Kurt Victoria Jake Karine Caroline Sean Tammy Lindsey Mitch Chuck Rand Marjorie Bernie
Elon Sam Jensen Jeff Satya Sundar Tim Warren Jamie Larry Sergey Pavel Yevgeny Oleg Arkady Roman Alisher Viktor
Gianni Pietro Paolo Jorge Mario Robert Prevost Leo Francis Benedict Bartholomew Kirill Onufriy Epiphanius Yepifaniy
Feodosiy Onuphrius Sviatoslav Filaret Pimen Hilarion Tikhon
"""

STOP = set("""
Will May April August June July January March Sunday Monday Summer Autumn Winter Spring Hope Faith Grace Joy Iran
Jordan Georgia Israel Chad Victoria Florence Paris Sydney Austin Dallas Houston Phoenix Denver Memphis Lincoln Madison
Jackson Boston Cleveland Aurora Savannah Brooklyn Chelsea Regina Orlando Augusta Raleigh Cheyenne Salem Nevada Dakota
Montana Carolina Virginia Florida Indiana Arizona Kansas Texas Alabama Tennessee Kentucky Vermont Georgia Asia Africa
America China India Kenya Egypt Odessa Odesa Samara Sofia Iskander Iskandar Shahed Kinzhal Kalibr Oniks Geran Neptune
Taurus Tomahawk Storm Lancet Zircon Gerbera Flamingo Patriot Iris Prince King Queen Duke Earl Major General Colonel
Marshal Admiral Captain Sergeant Bishop Deacon Pope Emir Sheikh Sheik Rep Sen Gov Dr Don Grant Rose Art Dawn Rich
Justice Royal Golden Memory Christian Easter Christmas Kremlin Sumy Kharkiv Kyiv Kiev Moscow Crimea Donbas Kursk
Belgorod Bryansk Rostov Istanbul Ankara Riyadh Jeddah Geneva Doha Minsk Gomel Dubai Abu Dhabi Al El Bin Ibn Van Von De Del
Da Di La Le Du Des Dos Das Ivano Frankivsk Marinka Feodosia Feodosiya Feodosiia Lyman Engels Adler Azov Kherson
Mariupol Donetsk Luhansk Lugansk Zaporizhzhia Dnipro Lviv Poltava Chernihiv Kramatorsk Bakhmut Pokrovsk Kupiansk
Ukraine Russia Belarus Poland Turkey Qatar Oman Yemen Syria Iraq Lebanon Cuba Peru Chile Mali Niger Togo Benin Malta
Cyprus Monaco Andorra Kosovo Serbia Croatia Bosnia Albania Latvia Lithuania Estonia Finland Norway Sweden Denmark
Ireland Scotland England Wales Britain France Germany Italy Spain Portugal Austria Hungary Romania Bulgaria Greece
Moldova Armenia Kazakhstan Japan Korea Vietnam Laos Nepal Tibet Burma Myanmar Kuwait Bahrain Libya Sudan Tunisia
Morocco Algeria Nigeria Ghana Brazil Argentina Mexico Canada Columbia Colombia Panama Jamaica Haiti Bolivia Venezuela
Europe Eurasia Siberia Dagestan Chechnya Tatarstan Bashkortostan Ural Urals Volga Dnieper Desna Donets Black Sea Tula
Kaluga Oryol Orel Lipetsk Tambov Voronezh Smolensk Pskov Tver Ryazan Saratov Penza Kazan Sochi Anapa Crimean Yalta
Kerch Sevastopol Saky Dzhankoi Taganrog Tuapse Novorossiysk Krasnodar Volgograd Astrakhan Engels Morozovsk Millerovo
Olenya Murmansk Kaliningrad Vladivostok Omsk Tomsk Perm Ufa Orenburg Chelyabinsk Yekaterinburg Novgorod Vologda
Yaroslavl Kostroma Ivanovo Kursk Sumy Izium Irpin Bucha Hostomel Uman Vinnytsia Zhytomyr Rivne Lutsk Ternopil
Uzhhorod Chernivtsi Khmelnytskyi Cherkasy Kropyvnytskyi Mykolaiv Ochakiv Izmail Reni Kiliia Nikopol Marhanets Enerhodar
Melitopol Berdiansk Berdyansk Tokmak Horlivka Makiivka Avdiivka Vuhledar Toretsk Chasiv Selydove Kurakhove Myrnohrad
Sloviansk Sievierodonetsk Lysychansk Alchevsk Kupyansk Balakliia Chuhuiv Lozova Pavlohrad Kryvyi Rih Kremenchuk
Washington London Berlin Rome Vienna Warsaw Madrid Lisbon Brussels Hague Amsterdam Prague Budapest Bucharest Helsinki
Stockholm Oslo Copenhagen Vilnius Riga Tallinn Athens Tirana Belgrade Zagreb Beijing Tokyo Seoul Delhi Tehran Baghdad
Damascus Beirut Cairo Amman Muscat Manama Baku Tbilisi Yerevan Astana Tashkent Bishkek Ashgabat Dushanbe Chisinau
Jerusalem Gaza Lima Quito Bogota Havana Santiago Caracas Brasilia Ottawa Canberra Wellington Pretoria Nairobi Addis
Alexandria Sahara Siena Verona Milan Florence Genoa Naples Venice Turin Hamburg Munich Dresden Cologne Bonn Lyon Nice
Marseille Cannes Davos Munchen Ramstein Rzeszow Lublin Krakow Gdansk Przemysl Kassel Bristol Oxford Cambridge Chester
Kent Devon Dover Norfolk Camden Essex Surrey Hampton Jersey Guernsey Manhattan Bronx Queens Hollywood Vegas Reno Tampa
Miami Atlanta Seattle Portland Tucson Omaha Tulsa Wichita Cheyenne Laramie Eugene Lafayette Beaumont Tyler Odessa
Trump Biden Putin Zelensky Obama Harris Vance Rubio Austin Hegseth Blinken Sullivan
Black White Green Brown Gray Grey Young Long Strong Little Rich Noble Sterling Hunter Victor
German Georgian Danish Muslim Turkmen Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Dayton Baba Yaga Santa
Erdogan Erdoğan Kalin Kalın Fidan Sandu Kushner Rubio Witkoff Putin Lavrov Peskov Budanov Umerov Yermak Kellogg
""".split())
# words that are English words but must stay given names
KEEP = set("""Mark Bill Jack Guy Pat Rob Bob Ray Gene Nick Frank Dean Victor Hunter John Jimmy Jerry Bobby Eddie Billy
Johnny Tommy Harry Tom Jim Joe Ted Ben Dan Sam Pete Mike Matt Max Mel Drew Cliff Wade Chase Lance Rod Herb Ed Bud
Sue Peggy Kitty Molly Polly Sandy Holly Penny Ginger Olive Pearl Ruby Amber Crystal Heather Ivy Lily Daisy Jade
Jasmine Violet Hazel Fern Jean Nancy Sally Mandy Betty Dolly Carol Ann Anna Maria Viktor Roman Olga Nina Vera
Gleb Igor Ivan Boris Marina Oleg Denis Vadim Pavel Paul Stefan Ilya Artem Taras Lesia Ostap Yana Alina Rustem
Emil Eduard Edward Rami Salim Karim Ali Omar Hakan Kemal Leon Leo Ike Abe Sid Otto Hans Alex Adam Eric Erik
Carl Karl Louis Marcel Ruben Tigran Irakli Nika Kaja Keir Rishi Liz Jake Kash Tulsi Elon Satya Jamie Lloyd Kurt
Joseph Christopher Peter Michael Robert James Andrew Steven Steve Scott Keith Howard Jared Lindsey Mitch Chuck Rand
Xi Sultan Ksenia Kseniia Kseniya
""".split())

def fold(s):
    repl = {"ı": "i", "ə": "a", "Ə": "A", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ð": "d", "þ": "th", "ß": "ss",
            "æ": "ae", "œ": "oe", "İ": "I"}
    s = "".join(repl.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

def load_dict():
    words = set()
    for p in ("/usr/share/dict/words", "/usr/share/dict/american-english"):
        if os.path.exists(p):
            with open(p, encoding="utf-8", errors="ignore") as f:
                for w in f:
                    w = w.strip()
                    if w and w.islower() and "'" not in w:
                        words.add(w)
            break
    return words

def load_geo():
    names = set()
    for fn, key in (("iso_3166-1.json", "3166-1"), ("iso_3166-2.json", "3166-2")):
        p = "/usr/share/iso-codes/json/" + fn
        if not os.path.exists(p):
            continue
        data = json.load(open(p, encoding="utf-8"))[key]
        for e in data:
            for k in ("name", "common_name", "official_name"):
                if k in e and " " not in e[k]:
                    names.add(e[k])
                    names.add(fold(e[k]))
    return names

PLACE_NAMES_KEPT = set("""Douglas Hamilton Leon Larisa Malin Marino Preston Salvador Stanley Tara Gracia Lida Brody
Borislav Mansfield Florian Alexandria Charlotte Helena Eugene Marion Irvine""".split())


def load_project_geo():
    """Names in the project's own countries.tsv and places.tsv (next to the output), if present."""
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ConflictExtraction",
                     "Resources", "dictionaries")
    out = set()
    for fn, cols in (("countries.tsv", ("name", "aliases", "demonyms")), ("places.tsv", ("name", "aliases"))):
        p = os.path.join(d, fn)
        if not os.path.exists(p):
            continue
        header = None
        for line in open(p, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            for c in cols:
                for v in row.get(c, "").split("|"):
                    if v and " " not in v and v not in PLACE_NAMES_KEPT:
                        out.add(v)
    return out


def main():
    raw = set()
    for loc in LATIN_LOCALES:
        raw |= faker_names(loc)
    for c in faker_names("uk_UA"):
        raw.add(cap(translit_uk(c, True)))
        raw.add(cap(translit_uk(c, False)))
    for c in faker_names("ru_RU"):
        for v in ru_variants(c):
            raw.add(cap(v))
    raw |= set(HAND.split()) | KEEP
    words, geo = load_dict(), load_geo() | load_project_geo()
    out = set()
    for n in raw:
        n = n.strip()
        if not n or " " in n or len(n) < 2 or not n[0].isupper() or not all(c.isalpha() or c == "-" for c in n):
            continue
        for v in {n, fold(n)}:
            if v in KEEP:
                out.add(v); continue
            if v in STOP or v.lower() in words or v in geo:
                continue
            if len(v) == 2 and v not in ("Yi", "Xi", "Li", "Lu", "Hu", "Wu", "Ma", "Yu", "Bo", "Ed", "Al", "Jo", "Di"):
                continue
            out.add(v)
    out -= STOP - KEEP
    print("# given_names.tsv: given (first) names used to recognize people that no other dictionary file knows")
    print("# (\"Firstname Lastname\"). For Chinese, Korean and similar names written family name first, common")
    print("# family names are listed too, since they stand first. Column: name.")
    print("# Source: generated by scripts/gen_given_names.py from the first-name lists of the faker package")
    print("# (MIT licence; uk_UA and ru_RU transliterated to English spellings) plus hand-written lists by the")
    print("# conflictdb authors; ordinary English words, country/region names and weapon names removed.")
    print("# Licence: faker data MIT; the rest written by the conflictdb authors and released with the project.")
    print("# Last update: 2026-11-21")
    print("name")
    for n in sorted(out, key=lambda s: (s.lower(), s)):
        print(n)

if __name__ == "__main__":
    main()
