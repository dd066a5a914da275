namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// Clipboard HTML as word processors put it there (shape of Word 365 on Windows and LibreOffice 7
/// Writer on Linux: namespaces, conditional comments, Mso classes, mso-list paragraphs, font tags,
/// local file links and images), with sentences of the network's own.
/// </summary>
internal static class PasteSamples
{
    public const string Word = """
        <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
        <head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
        <link rel=File-List href="file:///C:/Users/claire/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
        <!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
        <style><!-- p.MsoNormal {mso-style-unhide:no;margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;} @list l0 {mso-list-id:1205295513;} --></style>
        </head>
        <body lang=FR style='tab-interval:35.4pt;word-wrap:break-word'>
        <!--StartFragment-->
        <h1><span style='mso-fareast-font-family:"Times New Roman"'>Rencontre régionale 2023<o:p></o:p></span></h1>
        <p class=MsoNormal>La rencontre a réuni <b><span style='color:#C00000'>143 participants</span></b> à <i>Dijon</i>.<o:p></o:p></p>
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>
        <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Ateliers thématiques<o:p></o:p></p>
        <p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Mobilité en zone rurale<o:p></o:p></p>
        <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Remise des prix<o:p></o:p></p>
        <p class=MsoNormal>Plus d’informations sur <a href="https://www.rallynov.fr/">le site du réseau</a> et dans <a href="file:///C:/Users/claire/Documents/programme.docx">le programme</a>.<o:p></o:p></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
          <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Année<o:p></o:p></b></p></td>
          <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Lauréats<o:p></o:p></b></p></td>
         </tr>
         <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
          <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>2023<o:p></o:p></p></td>
          <td width=302 valign=top style='width:226.55pt;border-top:none;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>12<o:p></o:p></p></td>
         </tr>
        </table>
        <p class=MsoNormal><span style='mso-no-proof:yes'><img width=200 height=100 src="file:///C:/Users/claire/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="Photo de groupe"></span><o:p></o:p></p>
        <!--EndFragment-->
        </body>
        </html>
        """;

    public const string WordText = "Rencontre régionale 2023\nLa rencontre a réuni 143 participants à Dijon.";

    public const string LibreOffice = """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
        <meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/><style type="text/css">p { line-height: 115%; margin-bottom: 0.25cm; background: transparent }h2.western { font-family: "Liberation Sans", sans-serif; font-size: 16pt }</style></head>
        <body lang="fr-FR" link="#000080" vlink="#800000" dir="ltr"><h2 class="western">Les lauréats 2023</h2>
        <p style="line-height: 100%; margin-bottom: 0cm"><font face="Liberation Serif, serif"><font size="3" style="font-size: 12pt"><span style="font-weight: normal">Douze initiatives ont été </span><b>distinguées</b> par le jury.</font></font></p>
        <ol><li><p style="line-height: 100%; margin-bottom: 0cm">Épicerie solidaire</p></li><li><p style="line-height: 100%; margin-bottom: 0cm"><span style="font-style: italic">Garage</span> associatif</p></li></ol>
        </body></html>
        """;
}
