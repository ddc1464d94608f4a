using System.Globalization;
using System.Text;
using Funding.Cli;

Console.OutputEncoding = Encoding.UTF8;
// French first: the parser's own messages (« Argument 'pdf' non reconnu ») too, unless FUNDING_LANGUAGE=en.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture =
    CultureInfo.GetCultureInfo(Environment.GetEnvironmentVariable("FUNDING_LANGUAGE") == "en" ? "en" : "fr-FR");
return CliApp.Run(args, Console.Out, Console.Error);
