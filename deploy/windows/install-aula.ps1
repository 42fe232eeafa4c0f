<#
.SYNOPSIS
  Puts Aula on this Windows laptop, for the user who runs it, with a
  Start menu entry and a desktop shortcut that open Aula full screen in big
  letters. See docs\setup-windows.md.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install-aula.ps1
  powershell -ExecutionPolicy Bypass -File install-aula.ps1 -StartAtLogin

.PARAMETER Exe
  The Aula program to install (aula-windows-amd64.exe, found next to this
  script or one folder up if not given).
.PARAMETER StartAtLogin
  Also open Aula when this user signs in to Windows (for a kiosk account).
.PARAMETER FontSize
  The letter size in Windows Terminal (20 if not given).
.PARAMETER NoSetup
  Do not run "aula setup" at the end.
#>
param(
  [string]$Exe,
  [switch]$StartAtLogin,
  [int]$FontSize = 20,
  [switch]$NoSetup
)
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path

# 1. The program, in this user's own programs folder (no administrator needed).
if (-not $Exe) {
  foreach ($candidate in @("$here\aula-windows-amd64.exe", "$here\..\aula-windows-amd64.exe", "$here\..\..\aula-windows-amd64.exe")) {
    if (Test-Path $candidate) { $Exe = $candidate; break }
  }
}
if (-not $Exe -or -not (Test-Path $Exe)) {
  Write-Error "Cannot find aula-windows-amd64.exe. Put it next to this script, or say where it is: -Exe C:\path\aula-windows-amd64.exe"
}
$dest = Join-Path $env:LOCALAPPDATA 'Programs\Aula'
New-Item -ItemType Directory -Force -Path $dest | Out-Null
$aula = Join-Path $dest 'aula.exe'
Copy-Item -Force $Exe $aula
Write-Host "Aula is in $aula"

# 2. A Windows Terminal profile called "Aula": big letters, closes with Aula.
#    Windows Terminal reads every file in its Fragments folder.
$wt = Get-Command wt.exe -ErrorAction SilentlyContinue
if ($wt) {
  $fragments = Join-Path $env:LOCALAPPDATA 'Microsoft\Windows Terminal\Fragments\Aula'
  New-Item -ItemType Directory -Force -Path $fragments | Out-Null
  $fragment = Get-Content -Raw (Join-Path $here 'aula-terminal-fragment.json') | ConvertFrom-Json
  $fragment.profiles[0].font.size = $FontSize
  $fragment | ConvertTo-Json -Depth 5 | Set-Content -Encoding utf8 (Join-Path $fragments 'aula.json')
  $target = $wt.Source
  $arguments = '--fullscreen -p "Aula"'
} else {
  Write-Warning "Windows Terminal is not installed. The shortcut opens Aula in the old console: make the letters bigger there with Ctrl and the mouse wheel. Better: install Windows Terminal from the Microsoft Store (or: winget install Microsoft.WindowsTerminal) and run this script again."
  $target = $aula
  $arguments = ''
}

# 3. Shortcuts: Start menu, desktop and, if asked, start at sign-in.
$shell = New-Object -ComObject WScript.Shell
function New-AulaShortcut([string]$path) {
  $link = $shell.CreateShortcut($path)
  $link.TargetPath = $target
  $link.Arguments = $arguments
  $link.WorkingDirectory = $env:USERPROFILE
  $link.Description = 'Aula: practise digital skills, safely'
  $link.IconLocation = "$env:SystemRoot\System32\imageres.dll,109"
  $link.Save()
  Write-Host "Shortcut: $path"
}
$programs = [Environment]::GetFolderPath('Programs')
New-AulaShortcut (Join-Path $programs 'Aula.lnk')
New-AulaShortcut (Join-Path ([Environment]::GetFolderPath('Desktop')) 'Aula.lnk')
$startup = [Environment]::GetFolderPath('Startup')
if ($StartAtLogin) {
  New-AulaShortcut (Join-Path $startup 'Aula.lnk')
} elseif (Test-Path (Join-Path $startup 'Aula.lnk')) {
  Remove-Item (Join-Path $startup 'Aula.lnk')
  Write-Host 'Aula no longer opens at sign-in.'
}

# 4. The laptop's settings: language, kiosk mode, trainer PIN, class.
if (-not $NoSetup) {
  & $aula setup
}
